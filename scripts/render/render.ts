// Stage 4, render: model → view models → files (path → text). Emitters read
// only the ApiModel.
import type { ApiModel } from '../model/types.ts';
import type { FileMap } from '../util/files.ts';
import type { RenderedFiles } from '../pipeline/format.ts';
import type { JsonObject } from '../pipeline/load.ts';
import type { Templates } from './engine.ts';
import type { RuntimeImport } from './runtime-import.ts';
import { type Banner, bannerText, clientModuleViews, indexView, modelModuleViews, problemsView } from './views.ts';
import { apiIndexView, docsIndexView, problemsDocView, resourceDocViews } from './docs-views.ts';

/**
 * `rawTypes` is openapi-typescript's output for the bundled document, computed
 * by the caller (possibly on a worker thread while the model was built);
 * `runtimeImport` gives the specifier each module imports the runtime by.
 */
export async function render(
  model: ApiModel,
  bundled: JsonObject,
  templates: Templates,
  banner: Banner,
  rawTypes: Promise<string>,
  runtimeImport: RuntimeImport,
): Promise<FileMap & Required<Pick<RenderedFiles, 'prettierForm'>>> {
  const files: FileMap = new Map();
  // TypeScript modules the views laid out in prettier's form (see pipeline/format.ts).
  const prettierForm = new Set<string>();
  const mark = <T extends { prettierForm: boolean }>(file: string, view: T) => {
    if (view.prettierForm) prettierForm.add(file);
    return view;
  };
  const text = bannerText(banner);
  const withBanner = <T extends object>(view: T) => ({ ...view, banner: text });

  files.set('openapi.json', JSON.stringify({ 'x-generated': text, ...bundled }, null, 2) + '\n');

  const models = modelModuleViews(model);
  for (const view of models)
    files.set(view.file, templates.render('model-module.ts', withBanner(mark(view.file, view))));
  files.set(
    'models/index.ts',
    templates.render(
      'models-index.ts',
      withBanner({ modules: models.map((m) => `./${m.file.slice('models/'.length).replace(/\.ts$/, '.js')}`) }),
    ),
  );
  prettierForm.add('models/index.ts');
  for (const view of clientModuleViews(model))
    files.set(
      view.file,
      templates.render(
        'client-module.ts',
        withBanner({ ...mark(view.file, view), runtimeModule: runtimeImport(view.file) }),
      ),
    );
  files.set(
    'index.ts',
    templates.render(
      'index.ts',
      withBanner({ ...mark('index.ts', indexView(model)), runtimeModule: runtimeImport('index.ts') }),
    ),
  );
  files.set('problems.ts', templates.render('problems.ts', withBanner(mark('problems.ts', problemsView(model)))));

  const docs = resourceDocViews(model);
  for (const view of docs) files.set(view.file, templates.render('resource-doc.md', withBanner(view)));
  files.set('docs/index.md', templates.render('docs-index.md', withBanner(docsIndexView(model, docs))));
  files.set('docs/problems.md', templates.render('problems.md', withBanner(problemsDocView(model))));
  files.set('api.md', templates.render('api.md', withBanner(apiIndexView(model))));
  files.set('openapi-types.ts', `// ${text}\n\n${await rawTypes}`);
  return Object.assign(files, { prettierForm });
}
