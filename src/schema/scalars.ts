import { GraphQLScalarType, Kind } from 'graphql';

/** Exact decimal amounts (yuan, square metres) as strings, never floats. */
export const Decimal = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number, serialised as a string, e.g. "125000.50".',
  serialize(value) {
    if (typeof value === 'number') return value.toFixed(2);
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
    throw new TypeError('Decimal cannot represent this value');
  },
  parseValue(value) {
    if ((typeof value === 'string' || typeof value === 'number') && /^-?\d{1,16}(\.\d{1,2})?$/.test(String(value))) {
      return String(value);
    }
    throw new TypeError('Decimal must be a decimal string with at most 2 fraction digits, e.g. "1200.50"');
  },
  parseLiteral(ast) {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) && /^-?\d{1,16}(\.\d{1,2})?$/.test(ast.value)) {
      return ast.value;
    }
    throw new TypeError('Decimal must be a decimal string with at most 2 fraction digits, e.g. "1200.50"');
  },
});

/** Calendar dates as `YYYY-MM-DD`. */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    throw new TypeError('LocalDate cannot represent this value');
  },
  parseValue(value) {
    if (typeof value === 'string' && isDate(value)) return value;
    throw new TypeError('LocalDate must be a real date written YYYY-MM-DD');
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isDate(ast.value)) return ast.value;
    throw new TypeError('LocalDate must be a real date written YYYY-MM-DD');
  },
});

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
