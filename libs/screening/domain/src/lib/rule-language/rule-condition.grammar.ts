/**
 * The grammar of a rule condition (Peggy). Documented for rule authors in docs/screening-rules.md; keep both
 * in step. Keywords are lowercase; features are dotted identifiers (velocity.card.count_1h).
 */
export const RULE_CONDITION_GRAMMAR = String.raw`
{{
  function fold(kind, head, tail, at) {
    return tail.length === 0 ? head : { kind, operands: [head, ...tail], at };
  }
  function foldArithmetic(head, tail) {
    return tail.reduce((left, [operator, right]) => ({ kind: 'arithmetic', operator, left, right, at: left.at }), head);
  }
}}
{
  function here() {
    const start = location().start;
    return { line: start.line, column: start.column };
  }
}

Condition = _ expression:Or _ { return expression; }

Or = head:And tail:(_ "or" !IdentifierPart _ operand:And { return operand; })* { return fold('or', head, tail, head.at); }

And = head:Not tail:(_ "and" !IdentifierPart _ operand:Not { return operand; })* { return fold('and', head, tail, head.at); }

Not
  = at:Here "not" !IdentifierPart _ operand:Not { return { kind: 'not', operand, at }; }
  / Test

Test
  = at:Here value:Value _ "between" _ low:Value _ "and" _ high:Value { return { kind: 'between', value, low, high, at }; }
  / at:Here value:Value _ negated:("not" __)? "in" _ list:List { return { kind: 'in', value, list, negated: negated !== null, at }; }
  / at:Here value:Value _ "matches" _ pattern:Regex { return { kind: 'matches', value, pattern: pattern.source, flags: pattern.flags, at }; }
  / at:Here value:Value _ "is" __ negated:("not" __)? "missing" { return { kind: 'is-missing', value, negated: negated !== null, at }; }
  / at:Here left:Value _ operator:ComparisonOperator _ right:Value { return { kind: 'compare', operator, left, right, at }; }
  / "(" _ expression:Or _ ")" { return expression; }
  / at:Here value:Value { return { kind: 'truthy', value, at }; }

ComparisonOperator "comparison operator" = "==" / "!=" / "<=" / ">=" / "<" / ">"

Value = Sum

Sum = head:Product tail:(_ operator:("+" / "-") _ right:Product { return [operator, right]; })* { return foldArithmetic(head, tail); }

Product = head:Operand tail:(_ operator:("*" / "/") _ right:Operand { return [operator, right]; })* { return foldArithmetic(head, tail); }

Operand
  = at:Here value:Literal { return { kind: 'literal', value, at }; }
  / at:Here name:Feature { return { kind: 'feature', name, at }; }
  / "(" _ value:Value _ ")" { return value; }

List "list" = "[" _ head:Literal? tail:(_ "," _ item:Literal { return item; })* _ "]" {
  return head === null ? [] : [head, ...tail];
}

Literal "value" = Number / String / "true" !IdentifierPart { return true; } / "false" !IdentifierPart { return false; } / "null" !IdentifierPart { return null; }

Number "number" = "-"? [0-9]+ ("." [0-9]+)? { return Number(text()); }

String "string" = '"' chars:([^"\\] / "\\" escaped:. { return escaped; })* '"' { return chars.join(''); }

Regex "regular expression" = "/" body:$([^/\\] / "\\" .)+ "/" flags:$[imsu]* { return { source: body, flags }; }

Feature "feature name" = !Keyword head:Identifier tail:("." part:Identifier { return part; })* { return [head, ...tail].join('.'); }

Identifier = $([a-z_] IdentifierPart*)

IdentifierPart = [a-z0-9_]

Keyword = ("and" / "or" / "not" / "in" / "between" / "matches" / "is" / "missing" / "true" / "false" / "null") !IdentifierPart

Here = "" { return here(); }

_ "space" = [ \t\r\n]*

__ "space" = [ \t\r\n]+
`;
