// @vitest-environment happy-dom
// The manifests read as XML the way an LMS reads them: by element and attribute, with every
// reference resolving to a resource and every resource's files present in the package.

import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXERCISE_SETS } from '../scenarios/exerciseSets';
import {
  launchPage,
  launchTarget,
  manifest,
  packageFiles,
  zipPackage,
  type ScormVersion,
} from './scormPackage';

const SITE: Record<string, Uint8Array> = {
  'index.html': new TextEncoder().encode('<!doctype html><title>lab</title>'),
  'assets/index-abc.js': new Uint8Array([1, 2, 3]),
  'assets/a b&c.css': new Uint8Array([4]),
};

function parse(xml: string): Document {
  // happy-dom's parser lets a bare "&" through, which a strict XML parser rejects.
  expect(xml).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos);)/);
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const byTag = (doc: Document | Element, tag: string) => [...doc.getElementsByTagName(tag)];

describe.each<[ScormVersion, string, string]>([
  ['1.2', '1.2', 'adlcp:scormtype'],
  ['2004', '2004 4th Edition', 'adlcp:scormType'],
])('SCORM %s manifest', (version, schemaVersion, scormType) => {
  const sets = [{ id: 'handshake' }, { id: 'tear<&>down' }];
  const doc = parse(manifest(version, sets, Object.keys(SITE)));

  it('declares its schema', () => {
    expect(byTag(doc, 'schema')[0]?.textContent).toBe('ADL SCORM');
    expect(byTag(doc, 'schemaversion')[0]?.textContent).toBe(schemaVersion);
    const root = doc.documentElement;
    expect(root.tagName).toBe('manifest');
    expect(root.getAttribute('identifier')).toMatch(/^handshake-lab-scorm/);
  });

  it('has one item per set, each launching its set’s page as a SCO', () => {
    const organizations = byTag(doc, 'organizations')[0]!;
    const organization = byTag(doc, 'organization')[0]!;
    expect(organizations.getAttribute('default')).toBe(organization.getAttribute('identifier'));
    const items = byTag(organization, 'item');
    expect(items.map((item) => byTag(item, 'title')[0]?.textContent)).toEqual([
      'Handshake Lab: handshake exercises',
      'Handshake Lab: tear<&>down exercises',
    ]);
    const resources = new Map(
      byTag(doc, 'resource').map((resource) => [resource.getAttribute('identifier'), resource]),
    );
    expect(
      items.map((item) => resources.get(item.getAttribute('identifierref'))?.getAttribute('href')),
    ).toEqual(['site/launch-handshake.html', 'site/launch-tear%3C&%3Edown.html']);
    for (const item of items) {
      const sco = resources.get(item.getAttribute('identifierref'))!;
      expect(sco.getAttribute(scormType)).toBe('sco');
      expect(byTag(sco, 'file').map((file) => file.getAttribute('href'))).toEqual([
        sco.getAttribute('href'),
      ]);
      const dependency = byTag(sco, 'dependency')[0]!.getAttribute('identifierref');
      expect(resources.get(dependency)?.getAttribute(scormType)).toBe('asset');
    }
  });

  it('names every file of the site', () => {
    const site = byTag(doc, 'resource').find(
      (resource) => resource.getAttribute('identifier') === 'site',
    )!;
    expect(byTag(site, 'file').map((file) => decodeURI(file.getAttribute('href')!))).toEqual(
      Object.keys(SITE).map((path) => `site/${path}`),
    );
  });
});

describe('launch pages', () => {
  it('send the browser to the lab in predict mode, with a link where scripts are off', () => {
    expect(launchTarget('1.2', 'handshake')).toBe(
      'index.html?mode=predict&set=handshake&scorm=1.2',
    );
    const page = new DOMParser().parseFromString(launchPage('2004', 'a&b</script>'), 'text/html');
    const target = 'index.html?mode=predict&set=a%26b%3C%2Fscript%3E&scorm=2004';
    expect(page.querySelector('a')?.getAttribute('href')).toBe(target);
    expect(page.querySelector('script')?.textContent).toBe(`location.replace("${target}");`);
    expect(page.title).toBe('Handshake Lab: a&b</script> exercises');
  });
});

describe('packageFiles', () => {
  it.each<ScormVersion>(['1.2', '2004'])(
    'zips the manifest, the site and a page per set (%s)',
    (version) => {
      const files = unzipSync(zipPackage(packageFiles(version, SITE, EXERCISE_SETS)));
      const launchPages = EXERCISE_SETS.map((set) => `site/launch-${set.id}.html`);
      expect(Object.keys(files).sort()).toEqual(
        [
          'imsmanifest.xml',
          ...Object.keys(SITE).map((path) => `site/${path}`),
          ...launchPages,
        ].sort(),
      );
      expect(files['site/assets/index-abc.js']).toEqual(SITE['assets/index-abc.js']);
      const xml = new TextDecoder().decode(files['imsmanifest.xml']);
      const hrefs = byTag(parse(xml), 'file').map((file) => decodeURI(file.getAttribute('href')!));
      expect(hrefs.sort()).toEqual(
        Object.keys(files)
          .filter((path) => path !== 'imsmanifest.xml')
          .sort(),
      );
      const page = new TextDecoder().decode(files['site/launch-core.html']);
      expect(page).toContain(`scorm=${version}`);
    },
  );

  it('gives the same bytes for the same build', () => {
    const zip = () => zipPackage(packageFiles('1.2', SITE, EXERCISE_SETS));
    expect(zip()).toEqual(zip());
  });
});
