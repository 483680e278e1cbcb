/**
 * labelkit's CoNLL read by another program: NLTK's `ConllCorpusReader` (Debian's `python3-nltk`) in
 * the CoNLL-2002 layout (`word POS IOB`), its IOB tags turned into entities by NLTK's own
 * `conlltags2tree`.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@labelkit/core';
import type { DatasetItem } from '../dataset.js';
import { conll } from './index.js';
import { datasetOf } from '../text-shared/test-utils/arbitraries.js';
import { OUTSIDE_TOOL_TIMEOUT, runDebianPython, tempFiles } from '../text-shared/test-utils/outside-tools.js';

const READ_WITH_NLTK = `
import json, sys
from nltk.corpus.reader import ConllCorpusReader
from nltk.chunk import conlltags2tree
from nltk.tree import Tree
reader = ConllCorpusReader(sys.argv[1], sys.argv[2:], ('words', 'pos', 'chunk'))
files = []
for fileid in sys.argv[2:]:
    out = []
    for sent in reader.iob_sents(fileid):
        if not sent:
            continue  # the block of a -DOCSTART- line
        entities = [[t.label(), ' '.join(w for w, _ in t.leaves())] for t in conlltags2tree(sent) if isinstance(t, Tree)]
        out.append({'words': [w for w, _, _ in sent], 'entities': entities})
    files.append(out)
print(json.dumps(files, ensure_ascii=False))
`;

interface NltkSentence {
  words: string[];
  entities: [string, string][];
}

/** Each file's sentences as NLTK reads them (one Python run: NLTK takes seconds to import). */
function readWithNltk(...outputs: string[]): NltkSentence[][] {
  const names = outputs.map((_, k) => `out${k}.conll`);
  const dir = tempFiles(Object.fromEntries(outputs.map((o, k) => [names[k]!, o])));
  return JSON.parse(runDebianPython(READ_WITH_NLTK, [dir, ...names], { nltk: 'python3-nltk' })) as NltkSentence[][];
}

/** An item whose tokens all carry a POS column, and spans given by their text (first occurrence after the last). */
function item(text: string, spans: [string, string][]): DatasetItem {
  const cps = Array.from(text);
  let from = 0;
  const annotations = spans.map(([label, s], k): Annotation => {
    const unit = text.indexOf(s, from);
    const start = Array.from(text.slice(0, unit)).length;
    const end = start + Array.from(s).length;
    from = unit + s.length;
    return { id: `s${k}`, kind: 'span', label, start, end, text: cps.slice(start, end).join('') };
  });
  const tokens = text.split(/\s+/).filter(Boolean);
  return { media: { id: '', text, extra: { conll: { columns: tokens.map((t) => [/^[A-Z]/.test(t) ? 'NNP' : 'NN']) } } }, annotations };
}

describe('conll read by NLTK (python3-nltk)', { timeout: OUTSIDE_TOOL_TIMEOUT }, () => {
  it('gives every sentence its words and entities, in IOB2 and IOB1, across documents', () => {
    const items = [
      item('Ann Lee of R&D met <unk> in Zürich\nA>B Corp Bank of 😀 Land sued', [['PER', 'Ann Lee'], ['ORG', 'R&D'], ['PER', '<unk>'], ['LOC', 'Zürich'], ['ORG', 'A>B Corp'], ['ORG', 'Bank of 😀 Land']]),
      item('New York New York', [['LOC', 'New York'], ['LOC', 'New York']]),
    ].map((it, i) => ({ ...it, media: { ...it.media, id: String(i) } }));
    const expected: NltkSentence[] = [
      { words: ['Ann', 'Lee', 'of', 'R&D', 'met', '<unk>', 'in', 'Zürich'], entities: [['PER', 'Ann Lee'], ['ORG', 'R&D'], ['PER', '<unk>'], ['LOC', 'Zürich']] },
      { words: ['A>B', 'Corp', 'Bank', 'of', '😀', 'Land', 'sued'], entities: [['ORG', 'A>B Corp'], ['ORG', 'Bank of 😀 Land']] },
      { words: ['New', 'York', 'New', 'York'], entities: [['LOC', 'New York'], ['LOC', 'New York']] },
    ];
    const written = (['iob2', 'iob1'] as const).map((scheme) => conll.serialize(datasetOf(items), { scheme }));
    for (const { losses } of written) expect(losses).toEqual([]);
    expect(readWithNltk(...written.map((w) => w.output))).toEqual([expected, expected]);
  });

  it('loses a -DOCSTART- token that starts a line, as the reported loss says', () => {
    const it = item('-DOCSTART- Inc sued Ann', [['ORG', '-DOCSTART- Inc'], ['PER', 'Ann']]);
    const d = datasetOf([{ ...it, media: { ...it.media, id: '0' } }]);
    const { output, losses } = conll.serialize(d);
    expect(losses.map((l) => l.path)).toEqual(['items[0].annotations[0]']);
    expect(readWithNltk(output)).toEqual([[{ words: ['Inc', 'sued', 'Ann'], entities: [['ORG', 'Inc'], ['PER', 'Ann']] }]]);
  });
});
