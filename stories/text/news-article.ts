/**
 * A short news article written for labelkit's stories (original text, CC0 — no third-party source).
 * Names of companies and places are used as ordinary words; the events are invented.
 */
export const NEWS_ARTICLE = `LONDON, 3 March — The Bank of England held interest rates at 4.5% on Thursday, while Apple said it would open a new research centre in Cambridge next spring.

Governor Andrew Bailey told reporters that inflation "is moving in the right direction", but warned that energy prices in Northern Europe remained volatile.\tAnalysts at Barclays expect a cut in June.

In Cupertino, Apple's chief executive Tim Cook said the Cambridge site would employ 500 engineers. Farmers in Kent, meanwhile, reported a record apple harvest.`;
