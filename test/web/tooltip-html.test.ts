import { describe, expect, it } from 'vitest';
import { tooltipHtml } from '../../web/src/ui/tooltipHtml';

describe('tooltipHtml', () => {
  it('escapes every part, bold ones too, and joins lines with <br/>', () => {
    const html = tooltipHtml([{ strong: '<img src=x onerror="alert(1)">' }, `Đợt: "><svg onload=alert(1)> & 'x'`]);
    expect(html).toBe('<strong>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</strong><br/>Đợt: &quot;&gt;&lt;svg onload=alert(1)&gt; &amp; &#39;x&#39;');
    expect(html).not.toMatch(/<(?!strong>|\/strong>|br\/>)/);
  });
});
