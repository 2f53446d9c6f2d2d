#!/usr/bin/env node
/** The command-line front door over the same core as the extension. */
process.stdout.write('news-annotator\n');
