#!/usr/bin/env node
// Runs a command and reports its wall time and the peak memory of its whole process tree (the
// runner, code-server, the extension host, Chromium and their children), sampled every 200 ms from
// /proc (Linux only). PSS shares pages fairly between processes; RSS counts shared pages in each.
// Usage: node scripts/vscodeHost/measureTree.mjs -- <command> [args...]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const separator = process.argv.indexOf('--');
const [command, ...args] = process.argv.slice(separator >= 0 ? separator + 1 : 2);
if (!command) {
  console.error('usage: measureTree.mjs -- <command> [args...]');
  process.exit(2);
}

/** Maps every pid to its parent pid. */
function parentsByPid() {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

/** The pids of `root` and all its descendants. */
function treeOf(root) {
  const parents = parentsByPid();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

/** Sums PSS and RSS (kB) over the processes, from smaps_rollup. */
function memoryOf(pids) {
  let pss = 0;
  let rss = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // Gone, or a kernel thread.
    }
  }
  return { pss, rss };
}

const started = Date.now();
const child = spawn(command, args, { stdio: 'inherit' });
const peak = { pss: 0, rss: 0, processes: 0 };
const sampler = setInterval(() => {
  const tree = treeOf(child.pid);
  const { pss, rss } = memoryOf(tree);
  peak.pss = Math.max(peak.pss, pss);
  peak.rss = Math.max(peak.rss, rss);
  peak.processes = Math.max(peak.processes, tree.size);
}, 200);
child.on('exit', (code, signal) => {
  clearInterval(sampler);
  const mib = (kb) => `${(kb / 1024).toFixed(0)} MiB`;
  console.log(
    `[measure] ${((Date.now() - started) / 1000).toFixed(1)} s wall; peak tree PSS ${mib(peak.pss)}, ` +
      `peak tree RSS ${mib(peak.rss)}, up to ${peak.processes} processes; exit ${code ?? signal}`,
  );
  process.exit(code ?? 1);
});
