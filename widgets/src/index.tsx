// The widgets bundle: registers window.holdfastWidgets, which the SDK core loads only when a widget is due.
import type { WidgetsApi } from '../../sdk/src/widgets-api.js';
import { CancelFlow } from './cancel/cancel-flow.js';
import { mount } from './mount.js';
import { SurveyWidget } from './survey/survey-widget.js';

export const widgets: WidgetsApi = {
  survey: (def, ctx) => mount(ctx, (shell) => <SurveyWidget {...shell} def={def} send={ctx.send} />),
  cancelFlow: (def, ctx, callbacks) =>
    mount(ctx, (shell) => <CancelFlow {...shell} {...callbacks} onClose={shell.onClose} def={def} send={ctx.send} />, callbacks.onClose),
};

(window as unknown as { holdfastWidgets: WidgetsApi }).holdfastWidgets = widgets;
