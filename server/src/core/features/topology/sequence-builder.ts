import { labelText, type Label } from './flowchart-builder';

export type MessageKind = 'call' | 'reply';

/** Writes Mermaid sequence diagram text; participant ids are generated, every label goes through the escaper. */
export class SequenceBuilder {
  private readonly lines: string[] = ['sequenceDiagram'];
  private indent = '  ';

  /** `ownId` is the orchestrator's participant (kubelet, compose): our own word, never manifest text. */
  constructor(ownId: string, ownLabel: string) {
    this.lines.push(`  participant ${ownId} as ${ownLabel}`);
  }

  participant(id: string, label: Label): void {
    this.lines.push(`  participant ${id} as ${labelText(label)}`);
  }

  message(from: string, to: string, kind: MessageKind, text: Label): void {
    this.lines.push(`${this.indent}${from}${kind === 'call' ? '->>' : '-->>'}${to}: ${labelText(text)}`);
  }

  note(where: 'over' | 'right of' | 'left of', ids: string[], text: Label): void {
    this.lines.push(`${this.indent}Note ${where} ${ids.join(',')}: ${labelText(text)}`);
  }

  /** Steps that happen at the same time: a `par` block when there is more than one, plain lines otherwise. */
  parallel(title: Label | undefined, steps: (() => void)[]): void {
    if (steps.length < 2 || title === undefined) {
      for (const step of steps) step();
      return;
    }
    this.lines.push(`${this.indent}par ${labelText(title)}`);
    steps.forEach((step, index) => {
      if (index > 0) this.lines.push(`${this.indent}and`);
      this.indent += '  ';
      step();
      this.indent = this.indent.slice(2);
    });
    this.lines.push(`${this.indent}end`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
