import { ExportReportError, parseExportReport, versionFromTags } from '../../src/habitat/export-report';

describe('parseExportReport', () => {
  it('reads the keys the exporter writes', () => {
    const report = parseExportReport(
      [
        'id=sha256:0123abcd',
        'name=billmeyer/mongodb',
        'tags=latest,3.2.10,3.2.10-20171016003652',
        'name_tags=billmeyer/mongodb:latest,billmeyer/mongodb:3.2.10,billmeyer/mongodb:3.2.10-20171016003652',
        '',
      ].join('\n'),
    );
    expect(report).toEqual({
      id: 'sha256:0123abcd',
      name: 'billmeyer/mongodb',
      tags: ['latest', '3.2.10', '3.2.10-20171016003652'],
    });
  });

  it('takes tags from name_tags when tags is missing, and accepts quotes and CRLF', () => {
    const report = parseExportReport('id="sha256:ab"\r\nname=a/b\r\nname_tags=a/b:latest,a/b:1.0\r\n');
    expect(report).toEqual({ id: 'sha256:ab', name: 'a/b', tags: ['latest', '1.0'] });
  });

  it.each([
    ['name=a/b\ntags=latest', /no value for id/],
    ['id=x\ntags=latest', /no value for name/],
    ['id=x\nname=a/b', /no tags/],
    ['garbage', /not key=value/],
    ['', /no value for id and name/],
    // The id becomes an argument of `docker image inspect`: an option there would be obeyed.
    ['id=--host=tcp://evil:2375\nname=a/b\ntags=latest', /id "--host=tcp:\/\/evil:2375" is not an image id/],
    ['id=sha256:ab cd\nname=a/b\ntags=latest', /is not an image id/],
  ])('refuses %j', (text, message) => {
    expect(() => parseExportReport(text)).toThrow(ExportReportError);
    expect(() => parseExportReport(text)).toThrow(message);
  });
});

describe('versionFromTags', () => {
  it('finds version and release from the default tags', () => {
    expect(versionFromTags(['latest', '3.2.10', '3.2.10-20171016003652'])).toEqual({
      version: '3.2.10',
      release: '20171016003652',
    });
  });
  it('handles versions with dashes', () => {
    expect(versionFromTags(['1.0-rc1-20200101000000', '1.0-rc1'])).toEqual({
      version: '1.0-rc1',
      release: '20200101000000',
    });
  });
  it('invents nothing without both tags', () => {
    expect(versionFromTags(['latest', '3.2.10-20171016003652'])).toEqual({});
    expect(versionFromTags(['latest'])).toEqual({});
  });
});
