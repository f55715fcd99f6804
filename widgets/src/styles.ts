// The widgets' CSS, scoped by the shadow root. Hosts theme it with custom properties on <holdfast-widget>
// (they inherit through the shadow boundary). Logical properties keep right-to-left layouts right.
export const css = `
:host{all:initial}
.hf-root{--bg:var(--hf-bg,#fff);--fg:var(--hf-fg,#1c1d21);--muted:var(--hf-muted,#5f6270);--accent:var(--hf-accent,#3b5bdb);--accent-fg:var(--hf-accent-fg,#fff);--border:var(--hf-border,#d9dbe3);--radius:var(--hf-radius,12px);font:14px/1.45 var(--hf-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg)}
.hf-dark{--bg:var(--hf-bg,#1e1f24);--fg:var(--hf-fg,#eceef3);--muted:var(--hf-muted,#a3a7b5);--border:var(--hf-border,#3a3c45);--accent:var(--hf-accent,#7d95ff);--accent-fg:var(--hf-accent-fg,#11131a)}
@media (prefers-color-scheme:dark){.hf-auto{--bg:var(--hf-bg,#1e1f24);--fg:var(--hf-fg,#eceef3);--muted:var(--hf-muted,#a3a7b5);--border:var(--hf-border,#3a3c45);--accent:var(--hf-accent,#7d95ff);--accent-fg:var(--hf-accent-fg,#11131a)}}
.hf-popover{position:fixed;inset-block-end:20px;inset-inline-end:20px;z-index:2147483000;max-width:min(440px,calc(100vw - 40px))}
.hf-card{position:relative;background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 12px 32px rgba(0,0,0,.18);padding:20px 20px 16px}
.hf-inline .hf-card{box-shadow:none}
h2{font-size:16px;margin:0 28px 12px 0;margin-inline-end:28px;margin-inline-start:0;font-weight:600}
p{margin:0 0 12px;color:var(--muted)}
button,select,textarea,input{font:inherit;color:inherit}
.hf-close{position:absolute;inset-block-start:10px;inset-inline-end:10px;border:0;background:none;font-size:20px;line-height:1;padding:4px 8px;cursor:pointer;color:var(--muted);border-radius:6px}
.hf-scale{display:flex;gap:4px;flex-wrap:wrap}
.hf-scale button{flex:1 0 30px;min-width:30px;height:36px;border:1px solid var(--border);background:var(--bg);border-radius:8px;cursor:pointer}
.hf-scale button[aria-checked=true],.hf-scale button:hover{background:var(--accent);color:var(--accent-fg);border-color:var(--accent)}
.hf-icons button{font-size:22px;height:44px}
.hf-ends{display:flex;justify-content:space-between;font-size:12px;color:var(--muted);margin-top:6px}
.hf-list{display:flex;flex-direction:column;gap:6px;margin-bottom:12px}
.hf-option{text-align:start;padding:10px 12px;border:1px solid var(--border);border-radius:8px;background:var(--bg);cursor:pointer}
.hf-option:hover{border-color:var(--accent)}
.hf-offer{border:1px solid var(--accent);border-radius:10px;padding:12px;margin-bottom:10px}
.hf-offer h3{margin:0 0 4px;font-size:15px}
textarea,input[type=text]{width:100%;box-sizing:border-box;border:1px solid var(--border);border-radius:8px;padding:8px;background:var(--bg);margin:4px 0 10px}
textarea{min-height:64px;resize:vertical}
label{display:block;font-weight:500}
.hf-actions{display:flex;gap:8px;flex-wrap:wrap;justify-content:flex-end;align-items:center;margin-top:8px}
.hf-primary,.hf-secondary{padding:8px 14px;border-radius:8px;cursor:pointer;border:1px solid var(--accent)}
.hf-primary{background:var(--accent);color:var(--accent-fg)}
.hf-secondary{background:transparent;color:var(--accent)}
.hf-link{background:none;border:0;padding:8px 4px;color:var(--muted);text-decoration:underline;cursor:pointer}
.hf-footer{display:flex;justify-content:flex-end;margin-top:10px;font-size:12px;color:var(--muted)}
.hf-footer select{border:1px solid var(--border);border-radius:6px;background:var(--bg);padding:2px 4px;margin-inline-start:6px}
.hf-start{justify-content:flex-start}
.hf-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
`;
