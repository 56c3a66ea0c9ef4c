// What signature help answers, in the core's own terms (the language server turns it into LSP's).

export interface SignatureInfo {
  /** A syntax line in CoreDNS's man-page notation. */
  label: string;
  /** What the directive or option is for. */
  documentation: string;
  /** Each parameter as offsets into the label, with its documentation when the plugin docs have it. */
  parameters: Array<{ start: number; end: number; documentation?: string }>;
}

export interface SignatureHelpResult {
  signatures: SignatureInfo[];
  activeSignature: number;
  /** The parameter the argument at the cursor stands for; absent when the notation leaves it open. */
  activeParameter?: number;
}
