// Writes dist/ThirdPartyNotices.txt for the VSIX: the license of every npm package bundled into the
// shipped bundles (read from esbuild's metafile, so the list follows the code), and the notice for
// the world-countries data that scripts/buildGazetteer.mjs turned into src/core/gazetteer.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Data the build derives from a package that is not itself bundled. */
const derivedData = [
  {
    name: 'world-countries',
    license: 'ODbL-1.0',
    notice: (author) =>
      'The table of countries, capitals and demonyms in the bundles (src/core/gazetteer/\n' +
      `countries.json) is derived from world-countries by ${author}, made available under\n` +
      'the Open Database License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1.0/.\n' +
      'The derived table is available under the same license.',
  },
];

/** The npm packages whose modules are in the given outputs of a metafile. */
function bundledPackages(metafile, outputs) {
  const names = new Set();
  for (const output of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[output].inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match && bytesInOutput > 0) names.add(match[1]);
    }
  }
  return [...names].sort();
}

function licenseText(directory) {
  const file = readdirSync(directory).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
  return file ? readFileSync(path.join(directory, file), 'utf8').trim() : undefined;
}

/**
 * Writes the notices for the packages bundled into `outputs` (paths as the metafile names them)
 * and returns the package names; throws when a bundled package has no license file.
 */
export function writeThirdPartyNotices(metafile, outputs, target) {
  const sections = [];
  const names = bundledPackages(metafile, outputs);
  for (const name of names) {
    const directory = path.join('node_modules', name);
    const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
    const text = licenseText(directory);
    if (!text) throw new Error(`${name} is bundled but has no license file to reproduce`);
    sections.push(`${name} ${manifest.version} (${manifest.license})\n\n${text}`);
  }
  for (const data of derivedData) {
    const manifest = JSON.parse(
      readFileSync(path.join('node_modules', data.name, 'package.json'), 'utf8'),
    );
    const author = manifest.author?.name ?? manifest.author ?? 'its authors';
    sections.push(`${data.name} ${manifest.version} (${data.license})\n\n${data.notice(author)}`);
  }
  const rule = `\n\n${'-'.repeat(72)}\n\n`;
  writeFileSync(
    target,
    'News Annotator includes the following third-party software and data.' +
      rule +
      sections.join(rule) +
      '\n',
  );
  return names;
}
