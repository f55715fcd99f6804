// The typed contract between the SDK core and the lazily loaded widgets bundle (window.holdfastWidgets).
export interface WidgetContext {
  /** Sends an event through the SDK (same user, account, session and queue). */
  send(event: string, properties: Record<string, unknown>): void;
  /** BCP 47 tag; defaults to the browser's language. */
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  dir?: 'ltr' | 'rtl';
  /** CSP nonce for the widget's style element. */
  nonce?: string;
  /** Inline mode: render into this element instead of a corner popover. */
  target?: Element;
  /** Called when the widget closes, however it closes. */
  onClose?(): void;
}

export interface SurveyDefinition {
  id: string;
  type: 'nps' | 'csat';
  question?: string;
  style?: 'stars' | 'faces';
}

export type Offer =
  | { kind: 'discount'; percent: number; months: number }
  | { kind: 'pause'; months: number }
  | { kind: 'downgrade'; plan: string }
  | { kind: 'training' | 'success_plan' | 'executive_call' };

export interface CancelFlowDefinition {
  reasons: { id: string; label?: string; offers: string[] }[];
  offers: Record<string, Offer>;
  holdout: boolean;
  exitQuestions: string[];
}

export interface CancelAnswers {
  reason?: string;
  [question: string]: unknown;
}

export interface CancelFlowCallbacks {
  /** The user finished cancelling: act on billing. */
  onCancel?(answers: CancelAnswers): void;
  /** The user accepted an offer: apply it. */
  onSaved?(offer: Offer & { id: string }): void;
  onClose?(): void;
}

export interface WidgetHandle {
  close(): void;
  setLocale(locale: string): void;
}

export interface WidgetsApi {
  survey(def: SurveyDefinition, ctx: WidgetContext): WidgetHandle;
  cancelFlow(def: CancelFlowDefinition, ctx: WidgetContext, callbacks: CancelFlowCallbacks): WidgetHandle;
}
