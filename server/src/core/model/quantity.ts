/**
 * Kubernetes quantities (`resource.Quantity`): the one reader of "500m", "128Mi", "1e3" in the core, used by
 * the resource arithmetic, the request-above-limit rule, hover and the fixes that check a typed value.
 */
const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/**
 * Reads a Kubernetes quantity ("500m", "0.5", "128Mi", "1G", "1e3", "1Ki") as a plain number of units
 * (cores or bytes); undefined when the text is not a quantity or is negative.
 */
export function parseQuantity(text: string | number | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = QUANTITY.exec(String(text).trim());
  if (!match) return undefined;
  const [, number, exponent, suffix] = match;
  const base = Number(number);
  const value = exponent ? base * 10 ** Number(exponent.slice(1)) : base * (BINARY_SUFFIXES[suffix ?? ''] ?? DECIMAL_SUFFIXES[suffix ?? '']);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** CPU is counted in whole millicores, rounded up, as the API server does. */
export function parseCpu(text: string | number | undefined): number | undefined {
  const cores = parseQuantity(text);
  return cores === undefined ? undefined : Math.ceil(roundUnits(cores * 1000)) / 1000;
}

/** Memory is counted in whole bytes, rounded up. */
export function parseMemory(text: string | number | undefined): number | undefined {
  const bytes = parseQuantity(text);
  return bytes === undefined ? undefined : Math.ceil(roundUnits(bytes));
}

/** 2 -> "2", 0.25 -> "250m". */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** 201326592 -> "192Mi", 1000000000 -> "1G", 1500 -> "1500". The largest unit that divides exactly. */
export function formatMemory(bytes: number): string {
  const whole = Math.round(bytes);
  if (whole === 0) return '0';
  for (const [suffix, factor] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (whole % factor === 0) return `${whole / factor}${suffix}`;
  }
  for (const [suffix, factor] of [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]] as const) {
    if (whole % factor === 0) return `${whole / factor}${suffix}`;
  }
  return String(whole);
}

/** True for text the API server reads as a (non-negative) quantity. */
export function isQuantity(text: string | number | undefined): boolean {
  return parseQuantity(text) !== undefined;
}

/** Drops floating-point noise (0.1 + 0.2) before rounding to millicores or bytes. */
export function roundUnits(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * apimachinery `resource.ParseQuantity`'s error for text it cannot read, or undefined for a quantity. The
 * API server fails to decode the object with this message (ErrFormatWrong) before any validation runs.
 */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export function quantityError(text: string | number): string | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? undefined : QUANTITY_FORMAT_ERROR;
  return QUANTITY.test(text) || QUANTITY.test(text.replace(/^\+/, '')) ? undefined : QUANTITY_FORMAT_ERROR;
}

/** Units people write that Kubernetes spells otherwise: the same amount in Kubernetes' unit. */
const UNIT_SPELLINGS: Record<string, string> = {
  kb: 'k', mb: 'M', gb: 'G', tb: 'T', pb: 'P', eb: 'E',
  kib: 'Ki', mib: 'Mi', gib: 'Gi', tib: 'Ti', pib: 'Pi', eib: 'Ei',
  K: 'k', cores: '', core: '', cpu: '', cpus: '', b: '', bytes: '',
};

/** "1GB" -> "1G", "100 Mi" -> "100Mi", "1.5 cores" -> "1.5", "2K" -> "2k"; undefined when there is no sure reading. */
export function suggestQuantity(text: string): string | undefined {
  const match = /^\s*([+]?(?:\d+(?:\.\d*)?|\.\d+))\s*([A-Za-z]*)\s*$/.exec(text);
  if (!match) return undefined;
  const [, number, unit] = match;
  const spelled = unit in UNIT_SPELLINGS ? UNIT_SPELLINGS[unit] : UNIT_SPELLINGS[unit.toLowerCase()];
  const candidate = `${number}${spelled ?? unit}`;
  return candidate !== text && quantityError(candidate) === undefined ? candidate : undefined;
}
