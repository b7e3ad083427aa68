import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints, after every run, how long the whole suite took, each project's share, and the slowest
 * tests and files, so a suite growing towards CI's limit is seen the day it happens.
 */
export default class TimingReporter implements Reporter {
  private started = performance.now();

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const tests = modules.flatMap((m) =>
      [...m.children.allTests()].map((t) => ({ name: `${m.project.name} › ${m.relativeModuleId} › ${t.fullName}`, ms: t.diagnostic()?.duration ?? 0 })),
    );
    const files = modules.map((m) => ({ name: `${m.project.name} › ${m.relativeModuleId}`, ms: m.diagnostic().duration, project: m.project.name }));
    const byProject = new Map<string, number>();
    for (const f of files) byProject.set(f.project, (byProject.get(f.project) ?? 0) + f.ms);

    const lines = [
      '',
      `Suite: ${seconds(performance.now() - this.started)} from start to end (${tests.length} tests in ${files.length} files).`,
      `Time in each project's files: ${[...byProject].map(([p, ms]) => `${p} ${seconds(ms)}`).join(', ')}.`,
      'The 10 slowest tests:',
      ...slowest(tests, 10),
      'The 10 slowest files:',
      ...slowest(files, 10),
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
}

function slowest(items: readonly { name: string; ms: number }[], n: number): string[] {
  return [...items]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n)
    .map((item) => `  ${seconds(item.ms).padStart(7)}  ${item.name}`);
}

function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}
