// The grammar's error messages. chevrotain words them and shows the token it found by the token's `image`;
// the grammar's tokens carry no image (see LexedToken), so each message is worded by chevrotain's own
// provider from a copy of the token that shows its text. Only tokens of an error are copied.
import { defaultParserErrorProvider, type IParserErrorMessageProvider, type IToken } from 'chevrotain';
import { shownText } from './grammar-tokens.js';

export const grammarMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: (options) => defaultParserErrorProvider.buildMismatchTokenMessage({ ...options, actual: shown(options.actual), previous: shown(options.previous) }),
  buildNotAllInputParsedMessage: (options) => defaultParserErrorProvider.buildNotAllInputParsedMessage({ ...options, firstRedundant: shown(options.firstRedundant) }),
  buildNoViableAltMessage: (options) => defaultParserErrorProvider.buildNoViableAltMessage({ ...options, actual: options.actual.map(shown), previous: shown(options.previous) }),
  buildEarlyExitMessage: (options) => defaultParserErrorProvider.buildEarlyExitMessage({ ...options, actual: options.actual.map(shown), previous: shown(options.previous) }),
};

function shown(token: IToken): IToken {
  return { ...token, image: shownText(token) };
}
