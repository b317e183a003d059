import type { Log } from '../../src/log';

/** The kinds of line a RecordingLog keeps, each line starting with `kind: `. */
export type LineKind = 'info' | 'debug' | 'warning' | 'group' | 'output';

/** A Log that keeps every line, with secrets masked as the action's log would. */
export class RecordingLog implements Log {
  /** What the log shows (secrets masked), as `kind: message`. */
  readonly lines: string[] = [];
  /** What the code handed to the log, before masking: a leak shows here. */
  readonly raw: string[] = [];
  readonly secrets: string[] = [];
  private mask(message: string): string {
    return this.secrets.reduce((text, secret) => text.split(secret).join('***'), message);
  }
  info(message: string): void {
    this.raw.push(message);
    this.lines.push(`info: ${this.mask(message)}`);
  }
  debug(message: string): void {
    this.raw.push(message);
    this.lines.push(`debug: ${this.mask(message)}`);
  }
  warning(message: string): void {
    this.raw.push(message);
    this.lines.push(`warning: ${this.mask(message)}`);
  }
  output(line: string): void {
    this.raw.push(line);
    this.lines.push(`output: ${this.mask(line)}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${name}`);
    return fn();
  }
  setSecret(value: string): void {
    if (value !== '') this.secrets.push(value);
  }
  /** The lines of only these kinds, in order (e.g. `of('info', 'warning')` leaves out debug and groups). */
  of(...kinds: LineKind[]): string[] {
    return this.lines.filter((line) => kinds.some((kind) => line.startsWith(`${kind}: `)));
  }
  text(): string {
    return this.lines.join('\n');
  }
}
