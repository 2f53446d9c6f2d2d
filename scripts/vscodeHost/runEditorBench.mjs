#!/usr/bin/env node
// The editor benchmark (`npm run bench:editor`): builds the extension, bundles bench/editor and
// runs it inside code-server's extension host (the same payload mechanism as the integration
// suite), with the extension's section timings on (NEWS_ANNOTATOR_TIMINGS=1). Prints the figures
// and the machine's load average before and after. Options:
//   --runs=<opens>,<hovers>,<edits>  repetitions per article (default 5,20,10)
//   --baseline=<git ref>             that commit's build is measured too, in turns with this tree
//   --rounds=<n>                     how many turns (default 1)
//   --corpus=<n>                     instead, the duplicate index of an n-article workspace:
//                                    written, indexed and saved, loaded, one session each
//   --timeout=<seconds>              per session (default 900)
// VERBOSE=1 shows the workbench's chatter; NEWS_ANNOTATOR_DEV_DATA names the folder of
// polnear-dev.jsonl (default ../shared/dev-data).
// A benchmark, not a test: it exits 1 only when the run itself broke.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runWorkbenchPayload } from './browser.mjs';
import { bundleForNode } from './buildTests.mjs';
import { findFreePort, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './hostPaths.mjs';
import { makeRunDirectory } from './processCleanup.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '' },
    timeout: { type: 'string', default: '900' },
    baseline: { type: 'string', default: '' },
    rounds: { type: 'string', default: '1' },
    corpus: { type: 'string', default: '' },
  },
});

function runOrExit(args, description) {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[bench:editor] FAILED: ${description}`);
    process.exit(1);
  }
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

function bundleBench() {
  return bundleForNode({
    entryPoints: [path.join(repoRoot, 'bench', 'editor', 'index.ts')],
    outDir: path.join(repoRoot, 'out', 'bench', 'editor'),
    target: 'node20',
    external: ['vscode'],
  });
}

/**
 * A baseline to measure beside this tree: the commit's files (`git archive`), with this checkout's
 * node_modules, built there. The benchmark itself is this tree's bench/editor, so both builds are
 * measured the same way; the baseline must have the section timings (src/platform/hostTimings.ts).
 */
function prepareBaseline(ref) {
  const directory = makeRunDirectory('bench-baseline');
  const tarball = execFileSync('git', ['archive', '--format=tar', ref], {
    cwd: repoRoot,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', directory], { input: tarball });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(directory, 'node_modules'));
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: directory, stdio: 'ignore' });
  if (build.status !== 0) throw new Error(`the baseline ${ref} does not build`);
  if (!existsSync(path.join(directory, 'src', 'platform', 'hostTimings.ts'))) {
    throw new Error(`the baseline ${ref} has no section timings (src/platform/hostTimings.ts)`);
  }
  return directory;
}

/**
 * One session of the benchmark against the extension in `extensionRoot`; resolves to its exit
 * code. With `reopen` ({runDir, port} of an earlier session) it reopens that workspace and user
 * data on the same port: the port is part of the workspace's identity, and so of the extension's
 * workspace storage, where the duplicate index is saved.
 */
async function runOnce(extensionRoot, benchPath, environment, reopen = undefined) {
  const runDir = reopen?.runDir ?? makeRunDirectory('bench');
  const workspace = path.join(runDir, 'workspace');
  if (!existsSync(workspace)) cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  const port = reopen?.port ?? (await findFreePort());
  // enable-smoke-test-driver: the built VS Code honours the payload's extension development and
  // test parameters only with it; a test-only switch, as in runIntegration.mjs.
  const server = await startCodeServer({
    port,
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    folder: workspace,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionRoot)],
    ['extensionTestsPath', remote(benchPath)],
    ['extensionEnvironment', JSON.stringify(environment)],
    ['skipWelcome', 'true'],
  ];
  const url =
    `${server.origin}/?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(
    `[bench:editor] ${cpus().length} CPUs; load average before: ${load()} (1, 5, 15 min)`,
  );
  let exitCode;
  try {
    exitCode = await runWorkbenchPayload({
      url,
      timeoutSeconds: Number(options.timeout),
      viewport: { width: 1280, height: 800 },
    });
  } finally {
    await server.stop();
  }
  console.log(`[bench:editor] load average after: ${load()}`);
  if (exitCode !== 0) console.error(`[bench:editor] the benchmark ended with ${exitCode}`);
  return exitCode;
}

async function main() {
  runOrExit(
    [path.join(repoRoot, 'scripts', 'vscodeHost', 'install.mjs')],
    'the VS Code host could not be installed',
  );
  runOrExit(['esbuild.mjs'], 'npm run build (node esbuild.mjs) failed');
  const benchPath = await bundleBench();
  const devData = path.resolve(
    process.env.NEWS_ANNOTATOR_DEV_DATA || path.join(repoRoot, '..', 'shared', 'dev-data'),
  );
  const environment = {
    NEWS_ANNOTATOR_TIMINGS: '1',
    ...(existsSync(devData) ? { NEWS_ANNOTATOR_DEV_DATA: devData } : {}),
    ...(options.runs ? { NEWS_ANNOTATOR_BENCH_RUNS: options.runs } : {}),
  };
  // With a baseline, the two builds take turns, so that both see the same machine load.
  const trees = [{ label: 'this tree', root: repoRoot }];
  if (options.baseline) {
    trees.unshift({
      label: `baseline ${options.baseline}`,
      root: prepareBaseline(options.baseline),
    });
  }
  const rounds = Math.max(1, Number.parseInt(options.rounds, 10) || 1);
  let failed = false;
  for (let round = 1; round <= rounds; round++) {
    for (const tree of trees) {
      console.log(`\n[bench:editor] ### ${tree.label}, round ${round} of ${rounds}`);
      if (options.corpus) {
        // Sessions on one workspace and port: write the corpus, index it and save, load it.
        const reopen = { runDir: makeRunDirectory('bench-corpus'), port: await findFreePort() };
        for (const phase of ['corpus-write', 'corpus-index', 'corpus-reopen']) {
          console.log(`[bench:editor] ${phase}, ${options.corpus} articles`);
          const phaseEnvironment = {
            ...environment,
            NEWS_ANNOTATOR_BENCH_CORPUS: options.corpus,
            NEWS_ANNOTATOR_BENCH_PHASE: phase,
          };
          if ((await runOnce(tree.root, benchPath, phaseEnvironment, reopen)) !== 0) failed = true;
        }
      } else if ((await runOnce(tree.root, benchPath, environment)) !== 0) {
        failed = true;
      }
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`[bench:editor] FAILED: ${error.stack ?? error}`);
  process.exit(1);
});
