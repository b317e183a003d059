import {
  ExportReportError,
  exportSubcommandForVersion,
  exportSubcommandsFromHelp,
  parseExportReport,
  parseHabVersion,
  versionFromTags,
} from '../../src/habitat/export-report';

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

describe('hab version and exporter detection', () => {
  it('parses hab --version', () => {
    expect(parseHabVersion('hab 2.0.450/20250113101245\n')).toEqual({
      major: 2,
      minor: 0,
      patch: 450,
      text: '2.0.450/20250113101245',
    });
    expect(parseHabVersion('something else')).toBeUndefined();
  });

  it.each([
    ['hab 2.0.327/1', 'container'],
    ['hab 1.5.71/20200101', 'docker'],
    ['hab 0.90.6/20190101', 'docker'],
    ['hab 1.6.1245/20241010095431', undefined],
  ])('%s -> %s', (text, expected) => {
    const version = parseHabVersion(text);
    expect(version).toBeDefined();
    expect(exportSubcommandForVersion(version!)).toBe(expected);
  });

  it('reads the exporters listed by hab pkg export --help', () => {
    const help = [
      'Exports the package to the specified format',
      '',
      'USAGE:',
      '    hab pkg export <SUBCOMMAND>',
      '',
      'SUBCOMMANDS:',
      '    container    Container exporter',
      '    docker       Container exporter',
      '    tar          Tar exporter',
    ].join('\n');
    expect(exportSubcommandsFromHelp(help)).toEqual(['container', 'docker']);
    expect(exportSubcommandsFromHelp('SUBCOMMANDS:\n    docker    Docker exporter\n    tar  x')).toEqual([
      'docker',
    ]);
    expect(exportSubcommandsFromHelp('Usage: hab pkg export container')).toEqual([]);
    const clap = "error: 'hab pkg export' requires a subcommand\n\n  [subcommands: container, docker, tar]\n";
    expect(exportSubcommandsFromHelp(clap)).toEqual(['container', 'docker']);
    expect(exportSubcommandsFromHelp('  [subcommands: docker, tar]')).toEqual(['docker']);
  });
});
