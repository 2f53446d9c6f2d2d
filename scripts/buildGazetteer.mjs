// Builds src/core/gazetteer/countries.json from the world-countries package: only the fields the
// entity finder and the hover cards need, so the bundle stays small. Run `node scripts/buildGazetteer.mjs`
// after upgrading world-countries; the output is committed so that builds need no extra step.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const countries = require('world-countries');
const version = require('world-countries/package.json').version;

// Latin-script names only: the analysed articles are English, and other scripts only add weight.
const latin = /^[\p{Script=Latin}\p{M} .'’()-]+$/u;
const initialsOf = (name) =>
  name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');

// Short forms that news copy uses far more than the data's names; everything else comes from the data.
const EXTRA_ALIASES = { GB: ['Britain'] };

/** Returns the aliases worth matching in running text, never bare two-letter codes such as "IN" or "AM". */
function aliasesOf(country) {
  const names = [country.name.common, country.name.official];
  const aliases = new Set();
  for (const alt of [country.name.official, ...country.altSpellings]) {
    if (!latin.test(alt) || alt.includes(',')) continue;
    const isCode = /^\p{Lu}{2,3}$/u.test(alt);
    if (isCode) {
      // A code is kept only when it spells the name's initials (US, USA, UK, UAE), with and without dots.
      if (
        !names.some((name) => initialsOf(name) === alt) &&
        !(alt === 'UK' && country.cca2 === 'GB')
      ) {
        continue;
      }
      aliases.add(alt);
      aliases.add(alt.split('').join('.') + '.');
      continue;
    }
    if (alt.length < 4 || alt.startsWith('the ')) continue;
    aliases.add(alt);
  }
  for (const extra of EXTRA_ALIASES[country.cca2] ?? []) aliases.add(extra);
  aliases.delete(country.name.common);
  return [...aliases];
}

const rows = countries
  .filter((country) => country.status === 'officially-assigned' || country.independent)
  .map((country) => {
    const demonyms = new Set();
    for (const form of Object.values(country.demonyms?.eng ?? {})) {
      for (const part of String(form).split(/,\s*/)) if (part) demonyms.add(part);
    }
    return [
      country.name.common,
      aliasesOf(country),
      country.subregion || country.region || '',
      country.capital.filter((capital) => latin.test(capital)),
      [...demonyms],
    ];
  });

const out = fileURLToPath(new URL('../src/core/gazetteer/countries.json', import.meta.url));
writeFileSync(
  out,
  JSON.stringify({
    source: `world-countries ${version} (ODbL); fields: name, aliases, subregion, capitals, demonyms`,
    countries: rows,
  }) + '\n',
);
console.log(`wrote ${rows.length} countries to ${out}`);
