// Apache Velocity 1.7 (Java), set up like API Gateway, as an oracle the tests can ask.
// The harness in ./java is compiled with javac into a temporary directory once per source version,
// then one JVM renders every case of a run over stdin/stdout (protocol in java/OracleMain.java).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One template to render, with the request data API Gateway would give it. */
export interface OracleCase {
  template: string;
  /** The integration response body (the text `$input` reads). */
  body: string;
  params?: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
  /** `$context` as a JSON object. */
  context?: Record<string, unknown>;
  stageVariables?: Record<string, string>;
}

/** What Velocity made of a case: the rendered text, or the exception it threw. */
export type OracleResult = { output: string } | { error: string; message: string };

const JARS = [
  '/usr/share/java/velocity-1.7.jar',
  '/usr/share/java/commons-collections3.jar',
  '/usr/share/java/commons-lang-2.6.jar',
];
const INSTALL_HINT = 'install a JDK and Apache Velocity 1.7: apt-get install default-jdk-headless velocity';
// The tests run bundled from out/, so the Java sources are found from the project root (the working directory).
const SOURCE_DIR = join(process.cwd(), 'test', 'oracle', 'java');

/** Why the oracle cannot run here (a sentence that says what to install), or undefined when it can. */
export function oracleUnavailableReason(): string | undefined {
  for (const tool of ['java', 'javac']) {
    const probe = spawnSync(tool, ['-version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return `\`${tool}\` is not available (${probe.error?.message ?? `exit ${probe.status}`}); ${INSTALL_HINT}`;
  }
  const missing = JARS.filter((jar) => !existsSync(jar));
  if (missing.length) return `missing ${missing.join(', ')}; ${INSTALL_HINT} (commons-lang 2.6 and commons-collections 3 come with it)`;
  if (!existsSync(SOURCE_DIR)) return `the harness sources are not at ${SOURCE_DIR}; run the tests from the project root`;
  return undefined;
}

/** Compiles the harness unless this exact source version was compiled before; returns the class directory. */
function compiledHarness(): string {
  const sources = readdirSync(SOURCE_DIR).filter((name) => name.endsWith('.java')).sort();
  const hash = createHash('sha256');
  for (const name of sources) hash.update(name).update(readFileSync(join(SOURCE_DIR, name)));
  const classes = join(tmpdir(), `apigw-velocity-oracle-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(classes, 'OracleMain.class'))) return classes;

  // Compile beside the target and rename, so test files started in parallel never see half a build.
  const staging = mkdtempSync(join(tmpdir(), 'apigw-velocity-oracle-build-'));
  const javac = spawnSync(
    'javac',
    ['-nowarn', '-encoding', 'UTF-8', '-d', staging, '-cp', JARS.join(':'), ...sources.map((name) => join(SOURCE_DIR, name))],
    { encoding: 'utf8' },
  );
  if (javac.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`javac failed on the oracle harness:\n${javac.stderr}${javac.stdout}`);
  }
  try {
    renameSync(staging, classes);
  } catch {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(classes, 'OracleMain.class'))) throw new Error(`could not place the compiled harness in ${classes}`);
  }
  return classes;
}

/** A case whose render ended the Java process (heap or stack exhausted outside the render's own guard). */
export const HARNESS_CRASH = 'HarnessCrash';

/** More crashes than this in one run means something is wrong with the harness, not with a case. */
const CRASH_LIMIT = 20;

interface PendingCase {
  line: string;
  resolve: (r: OracleResult) => void;
  reject: (e: Error) => void;
}

function spawnHarness(classes: string): ChildProcessWithoutNullStreams {
  return spawn('java', ['-Xss8m', '-Xmx768m', '-cp', [classes, ...JARS].join(':'), 'OracleMain'], { stdio: 'pipe' });
}

/**
 * A running Velocity 1.7 process. Render batches with `render`; `close` when done. When a case kills
 * the process, that case answers `HarnessCrash` and the cases after it go to a new process, so one
 * hostile template (one a shrinker made, say) cannot end a long run.
 */
export class VelocityOracle {
  private readonly pending: PendingCase[] = [];
  private buffered = '';
  private failure: Error | undefined;
  private child!: ChildProcessWithoutNullStreams;
  private crashes = 0;

  private constructor(private readonly classes: string) {
    this.attach(spawnHarness(classes));
  }

  /** Compiles (when needed) and starts the harness. Throws with an install hint when Java is missing. */
  static start(): VelocityOracle {
    const unavailable = oracleUnavailableReason();
    if (unavailable) throw new Error(`The Velocity oracle cannot run: ${unavailable}`);
    const classes = compiledHarness();
    mkdirSync(classes, { recursive: true });
    return new VelocityOracle(classes);
  }

  /** Renders every case, in order. Rejects when the process keeps dying or `timeoutMs` passes. */
  async render(cases: readonly OracleCase[], timeoutMs = 120_000 + cases.length * 20): Promise<OracleResult[]> {
    if (this.failure) throw this.failure;
    const lines = cases.map((c, i) => JSON.stringify({ id: String(i), ...c }));
    const answers = lines.map((line) => new Promise<OracleResult>((resolve, reject) => this.pending.push({ line, resolve, reject })));
    this.child.stdin.write(lines.join('\n') + '\n');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`the Velocity oracle did not answer ${cases.length} cases within ${timeoutMs} ms`);
        this.fail(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([Promise.all(answers), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The Java process's id (tests stop it to check that a run survives). */
  get processId(): number | undefined {
    return this.child.pid;
  }

  close(): void {
    this.failure ??= new Error('the Velocity oracle was closed');
    this.child.stdin.end();
    this.child.kill();
  }

  private attach(child: ChildProcessWithoutNullStreams): void {
    this.child = child;
    this.buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (this.child === child) this.receive(chunk);
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code, signal) => {
      if (this.child === child) this.crashed(`the Velocity oracle exited (${code ?? signal})${stderr ? `:\n${stderr}` : ''}`);
    });
    child.on('error', (error) => this.fail(error));
    // A write to a process that just died is reported by the exit handler.
    child.stdin.on('error', () => undefined);
  }

  /** The process died: the case it was on answers with the crash, the rest go to a new process. */
  private crashed(why: string): void {
    if (this.failure) return;
    if (++this.crashes > CRASH_LIMIT) {
      this.fail(new Error(`${why}\n(${this.crashes} crashes in this run)`));
      return;
    }
    const current = this.pending.shift();
    const rest = this.pending;
    current?.resolve({ error: HARNESS_CRASH, message: why.split('\n').find((line) => /Error|Exception/.test(line)) ?? why });
    this.attach(spawnHarness(this.classes));
    if (rest.length) this.child.stdin.write(rest.map((p) => p.line).join('\n') + '\n');
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let newline: number;
    while ((newline = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, newline);
      this.buffered = this.buffered.slice(newline + 1);
      const waiting = this.pending.shift();
      if (!waiting) continue;
      const answer = JSON.parse(line) as { output?: string; error?: string; message?: string };
      waiting.resolve(
        typeof answer.output === 'string' ? { output: answer.output } : { error: answer.error ?? 'unknown', message: answer.message ?? '' },
      );
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.splice(0)) waiting.reject(error);
  }
}
