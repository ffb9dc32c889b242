import { Eta } from 'eta';

/** One folder of Eta views (escaped by default); each console feature renders its own folder's views. */
export class ConsoleViews {
  private readonly eta: Eta;

  constructor(folder: string) {
    this.eta = new Eta({ views: folder, autoEscape: true, cache: true });
  }

  render(view: string, data: object): string {
    return this.eta.render(`./${view}`, data);
  }
}
