// The workspace's count of unattributed quotes (the `indexed` notification's), kept as articles
// change: only the articles touched since the last update are counted again, so an edit costs
// the same in a workspace of ten articles as in one of ten thousand.
import type { WorkspaceModel } from '../workspace/workspaceModel';
import type { FeatureContext } from './context';
import { unattributedCount } from './diagnostics';

export class UnattributedTally {
  private readonly counts = new Map<string, number>();
  private sum = 0;
  private model: WorkspaceModel | undefined;

  /** The total after the articles in `touched` (model keys; undefined: all) changed, were opened or closed. */
  total(ctx: FeatureContext, touched: ReadonlySet<string> | undefined): number {
    const model = ctx.index.model;
    if (model !== this.model || !touched) {
      // A new model (new options): every article was analysed again.
      this.model = model;
      this.counts.clear();
      this.sum = 0;
      for (const entry of model.articles()) this.set(entry.uri, unattributedCount(ctx, entry));
      return this.sum;
    }
    for (const uri of touched) {
      const entry = model.getArticle(uri);
      this.set(uri, entry ? unattributedCount(ctx, entry) : 0);
    }
    return this.sum;
  }

  private set(uri: string, count: number): void {
    this.sum += count - (this.counts.get(uri) ?? 0);
    if (count) this.counts.set(uri, count);
    else this.counts.delete(uri);
  }
}
