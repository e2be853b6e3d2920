// Typing part of an address finds the dwelling among many, whatever the case and accents.
import { describe, expect, it } from 'vitest';
import { foldForSearch, searchOptions } from '../../../../src/app/components/searchOptions';

const opt = (value: string, searchText: string) => ({ value, label: searchText, searchText });
const options = [opt('a', 'Gimsøyvegen 12, Melhus sentrum, 32/14'), opt('b', 'Løkkavegen 3, Gimse, 33/9'), opt('c', 'Rosmælen 7, Hovin, 21/5'), opt('d', 'Vikan 2, Gimse, 34/1')];

describe('searchOptions', () => {
  it('finds by any part of the text, every word typed counting, those starting with it first', () => {
    expect(searchOptions(options, 'gimse', 10).found.map((o) => o.value)).toEqual(['b', 'd']);
    expect(searchOptions(options, 'GIMS', 10).found.map((o) => o.value)).toEqual(['a', 'b', 'd']);
    expect(searchOptions(options, 'vegen gimse', 10).found.map((o) => o.value)).toEqual(['b']);
    expect(searchOptions(options, '33/9', 10).found.map((o) => o.value)).toEqual(['b']);
    expect(searchOptions(options, 'vikan', 10).found.map((o) => o.value)).toEqual(['d']);
  });

  it('keeps æ, ø and å apart from a, o and e, drops other accents, and finds nothing for nothing', () => {
    expect(foldForSearch('Rosmælen Café Øvre Ås')).toBe('rosmælen cafe øvre ås');
    expect(searchOptions(options, 'rosmæl', 10).found.map((o) => o.value)).toEqual(['c']);
    expect(searchOptions(options, 'rosmal', 10).found).toEqual([]);
    expect(searchOptions(options, '  ', 10)).toEqual({ found: [], total: 0 });
  });

  it('shows at most the limit and says how many there were', () => {
    const many = Array.from({ length: 120 }, (_, i) => opt(String(i), `Vegen ${i}`));
    const { found, total } = searchOptions(many, 'vegen', 8);
    expect(found).toHaveLength(8);
    expect(total).toBe(120);
  });
});
