// The skill synonym table that ships with the project: one line per concept.
//
// Format: `canonical name: alias, alias, ...`. The first name is how the concept is labelled;
// every name on the line (canonical included) goes through the same normalisation as the values
// being compared (see normalize.ts), so write them the way people do ("Node.js", "k8s").
// Case, spacing, tokenizer spaces (`c #`), dots and hyphens, plurals, version suffixes (HTML5)
// and the `js` suffix (reactjs) are handled by rules already: list only what the rules cannot
// know, i.e. abbreviations and other names for the same thing.
//
// To extend: add a line, or an alias to an existing line. Never put two different things on one
// line (Java is not JavaScript, C is not C++ or C#, R is not React, Go is not Google): the unit
// test of the table checks those false friends stay apart. An alias may appear on one line only.
export const SKILL_SYNONYMS = `
javascript: js, ecmascript, es6, es2015, java script, vanilla js
typescript: ts
node.js: node, nodejs
react: reactjs, react.js
vue.js: vue, vuejs
angular: angularjs, angular.js
next.js: nextjs
express.js: express, expressjs
c#: csharp, c sharp, c-sharp
c++: cpp, cplusplus, c plus plus
objective-c: objc, obj-c, objective c
f#: fsharp, f sharp
.net: dotnet, dot net, .net framework, .net core, dotnet core
asp.net: asp net, aspnet, asp.net core, asp.net mvc
go: golang, go lang
python: py, python programming
r: r language, r programming, rlang
postgresql: postgres, pgsql, psql, postgre
mysql: my sql
microsoft sql server: sql server, mssql, ms sql, ms sql server, ms-sql
mongodb: mongo, mongo db
elasticsearch: elastic search
kubernetes: k8s, kube
amazon web services: aws, amazon aws
google cloud platform: gcp, google cloud
microsoft azure: azure, ms azure, azure cloud
machine learning: ml
deep learning: dl
artificial intelligence: ai
natural language processing: nlp
computer vision: machine vision
large language models: llm, llms
continuous integration / continuous delivery: ci/cd, cicd, ci cd, ci / cd
rest api: rest, restful, restful api, restful apis, rest services, restful services, restful web services
graphql: graph ql
html: hypertext markup language
css: cascading style sheets
sass: scss
user experience: ux, ux design
user interface: ui, ui design
scikit-learn: sklearn, scikit learn, scikit
tensorflow: tensor flow
microsoft excel: excel, ms excel
microsoft power bi: power bi, powerbi
amazon s3: s3, aws s3
amazon ec2: ec2, aws ec2
search engine optimization: seo
quality assurance: qa
object-oriented programming: oop, object oriented programming, object - oriented programming
test-driven development: tdd
github: git hub
gitlab: git lab
linux: gnu/linux
unix: *nix
shell scripting: bash scripting, shell scripts
sap hana: hana
salesforce: sfdc
extreme programming: xp
site reliability engineering: sre
`;

/** One concept: its label and every name it goes by (label included). */
export interface SynonymLine {
  canonical: string;
  names: string[];
}

/** Parse a table in the format above (also usable for a user's own table). Blank lines and `#` comments are skipped. */
export function parseSynonymTable(table: string): SynonymLine[] {
  const lines: SynonymLine[] = [];
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('# ')) continue;
    // Split on the first ": " only, so names like "c#" or "ci/cd" are safe.
    const at = line.indexOf(': ');
    const canonical = (at < 0 ? line : line.slice(0, at)).trim();
    const aliases =
      at < 0
        ? []
        : line
            .slice(at + 2)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    lines.push({ canonical, names: [canonical, ...aliases] });
  }
  return lines;
}
