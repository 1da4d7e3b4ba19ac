// The .ttfs language: a trained time-to-first-spike network, its time base, neuron model,
// input encoding, layer graph and the trainer files its weights come from.
// The reference for every construct is README.md ("The language") and docs/language.md.
grammar Ttfs;

@header {
package org.firstspike.dsl.parser;
}

program
    : statement* EOF
    ;

statement
    : NETWORK name=ID SEMI                                          # networkStmt
    | CONST name=ID ASSIGN expr SEMI                                # constStmt
    | WEIGHTS name=ID ASSIGN source=call SEMI                       # weightsStmt
    | TIME settings                                                 # timeStmt
    | NEURON settings                                               # neuronStmt
    | INPUT name=ID ASSIGN source=call encoder? SEMI                # inputStmt
    | targets ASSIGN call SEMI                                      # layerStmt
    | OUTPUT name=ID DECODE decode=call SEMI                        # outputStmt
    ;

targets
    : ID (COMMA ID)*
    ;

settings
    : LBRACE setting* RBRACE
    ;

setting
    : key=ID ASSIGN expr SEMI
    ;

// `encoder linear(offset = 3, slope = -3)` or `encoder ann { conv2d(...); relu(); ... }`
encoder
    : ENCODER kind=ID (LPAREN arguments? RPAREN)? (LBRACE (call SEMI)* RBRACE)?
    ;

call
    : fn=ID LPAREN arguments? RPAREN
    ;

arguments
    : argument (COMMA argument)* COMMA?
    ;

argument
    : (key=ID ASSIGN)? expr
    ;

// Earlier alternatives bind tighter; `as` (a tensor's layout) binds loosest.
expr
    : expr LBRACK subscript (COMMA subscript)* RBRACK               # indexExpr
    | fn=ID LPAREN arguments? RPAREN                                # callExpr
    | MINUS expr                                                    # negExpr
    | expr op=(STAR | SLASH) expr                                   # mulExpr
    | expr op=(PLUS | MINUS) expr                                   # addExpr
    | LPAREN expr RPAREN                                            # parenExpr
    | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK                    # listExpr
    | NUMBER                                                        # numberExpr
    | STRING                                                        # stringExpr
    | ID                                                            # nameExpr
    | expr AS expr                                                  # asExpr
    ;

subscript
    : start=expr? COLON stop=expr?                                  # sliceSubscript
    | expr                                                          # pointSubscript
    ;

NETWORK : 'network' ;
CONST   : 'const' ;
WEIGHTS : 'weights' ;
TIME    : 'time' ;
NEURON  : 'neuron' ;
INPUT   : 'input' ;
OUTPUT  : 'output' ;
DECODE  : 'decode' ;
ENCODER : 'encoder' ;
AS      : 'as' ;

ASSIGN : '=' ;
SEMI   : ';' ;
COMMA  : ',' ;
COLON  : ':' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;
PLUS   : '+' ;
MINUS  : '-' ;
STAR   : '*' ;
SLASH  : '/' ;

NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;
fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
ID     : [a-zA-Z_] [a-zA-Z_0-9]* ;

LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n\f]+ -> skip ;

// Tokens no rule accepts; the parser front end reports them with a clear message.
UNTERMINATED_STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;
UNTERMINATED_COMMENT : '/*' .*? EOF ;
BAD_CHAR             : . ;
