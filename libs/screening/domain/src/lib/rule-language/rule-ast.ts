/** The syntax tree of a rule condition, as the parser builds it and the compiler reads it. */
export type Literal = string | number | boolean | null;

export interface SourceSpan {
  /** 1-based line and column of the node's first character within the condition text. */
  line: number;
  column: number;
}

export type RuleExpression =
  | { kind: 'or'; operands: RuleExpression[]; at: SourceSpan }
  | { kind: 'and'; operands: RuleExpression[]; at: SourceSpan }
  | { kind: 'not'; operand: RuleExpression; at: SourceSpan }
  | { kind: 'compare'; operator: ComparisonOperator; left: ValueExpression; right: ValueExpression; at: SourceSpan }
  | { kind: 'between'; value: ValueExpression; low: ValueExpression; high: ValueExpression; at: SourceSpan }
  | { kind: 'in'; value: ValueExpression; list: Literal[]; negated: boolean; at: SourceSpan }
  | { kind: 'matches'; value: ValueExpression; pattern: string; flags: string; at: SourceSpan }
  | { kind: 'is-missing'; value: ValueExpression; negated: boolean; at: SourceSpan }
  | { kind: 'truthy'; value: ValueExpression; at: SourceSpan };

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/';

export type ValueExpression =
  | { kind: 'literal'; value: Literal; at: SourceSpan }
  | { kind: 'feature'; name: string; at: SourceSpan }
  | { kind: 'arithmetic'; operator: ArithmeticOperator; left: ValueExpression; right: ValueExpression; at: SourceSpan };
