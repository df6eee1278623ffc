/**
 * Cast rules as data (architecture.md §5): a declarative `match` over the source column and a `to`
 * type template. Rules are evaluated first-match-wins, user overrides before the defaults.
 */
import type { Level } from '../../translator/diagnostics';
import type { CatalogCode } from '../codes';

/** What a rule matches; every present field must hold. Names compare case-insensitively. */
export interface CastMatch {
  /** ASE base type(s) after user-type resolution: `char`, `unsigned int`, ... */
  readonly base?: string | readonly string[];
  /** Resolved nullability (column, else user type, else the ASE default NOT NULL). */
  readonly nullable?: boolean;
  readonly identity?: boolean;
  readonly lengthMin?: number;
  readonly lengthMax?: number;
  readonly precisionMin?: number;
  readonly precisionMax?: number;
  /** False matches a type written without precision (`float`). */
  readonly hasPrecision?: boolean;
  /** User type the column was declared with. */
  readonly userType?: string;
  /** `schema.table` or `table` (any schema). */
  readonly table?: string;
  readonly column?: string;
  /** Translate options the rule depends on (DT-03 keepNullableChar, DT-07 datetimeAsDatetime2). */
  readonly options?: { readonly keepNullableChar?: boolean; readonly datetimeAsDatetime2?: boolean };
}

/**
 * T-SQL type text with placeholders filled from the source type: `varchar({length})`,
 * `numeric({precision},{scale})`. A placeholder missing in the source is an error of the rule.
 */
export type TypeTemplate = string;

export interface CastRule {
  /** Stable id recorded as `ColumnTarget.castRule`, e.g. `DT-03-nullable-char`. */
  readonly id: string;
  /** conversion-rules.md rule id. */
  readonly ruleId: string;
  readonly match: CastMatch;
  readonly to: TypeTemplate;
  readonly level: Level;
  readonly note: string;
  /** Diagnostic reported on each column the rule maps (none for AUTO rules). */
  readonly code?: CatalogCode;
  /** DT-06: CHECK keeping the ASE domain (`BETWEEN min AND max`, or `>= min`). */
  readonly domain?: { readonly min: string; readonly max?: string };
  /** DT-05/DT-08: the column is NOT NULL whatever was declared. */
  readonly notNull?: boolean;
  /** DT-08: not loaded from data files (rowversion). */
  readonly loadable?: false;
}

/** One entry of the user override file (docs/cast-rules.md). */
export interface CastOverride {
  readonly match: CastMatch;
  readonly to: TypeTemplate;
  readonly note?: string;
}
