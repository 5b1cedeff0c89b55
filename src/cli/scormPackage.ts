// The SCORM packages `npm run build:scorm` writes (one for SCORM 1.2, one for SCORM 2004 4th
// edition), as pure functions of the built site: the manifest, one launch page per exercise set,
// and the zip. The site goes under site/ so that imsmanifest.xml is the only file at the root.

import { zipSync, type Zippable } from 'fflate';

export type ScormVersion = '1.2' | '2004';

/** What the manifest needs of an exercise set (src/scenarios/exerciseSets.ts). */
export interface PackageSet {
  id: string;
}

export const SITE_DIR = 'site';

/** The zip's name for each version, in dist-scorm/. */
export const ZIP_NAME: Record<ScormVersion, string> = {
  '1.2': 'handshake-lab-scorm12.zip',
  '2004': 'handshake-lab-scorm2004.zip',
};

/** The same timestamp on every file, so that the same build gives the same bytes. */
const ZIP_TIME = new Date(2000, 0, 1);

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** An XML ID made from a set id: starts with a letter, only name characters. */
function xmlId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/** A path as a manifest href: a URI reference, so spaces and the like are percent-encoded. */
function href(path: string): string {
  return encodeURI(path);
}

export function title(setId: string): string {
  return `Handshake Lab: ${setId} exercises`;
}

/** The launch page's path in the package (in the site, next to index.html). */
export function launchPath(setId: string): string {
  return `${SITE_DIR}/launch-${setId}.html`;
}

/** Where a launch page sends the browser: the lab in predict mode, told which LMS API to use. */
export function launchTarget(version: ScormVersion, setId: string): string {
  const query = new URLSearchParams({ mode: 'predict', set: setId, scorm: version });
  return `index.html?${query.toString()}`;
}

/**
 * A set's launch page: the manifest can only name a file, the lab's options are in its query.
 * `location.replace` keeps the launch page out of the frame's history (Back does not bounce
 * through it); the link is for a browser that runs no script.
 */
export function launchPage(version: ScormVersion, setId: string): string {
  const target = launchTarget(version, setId);
  // JSON is a JavaScript string literal; "<" escaped so no "</script>" can close the script.
  const script = JSON.stringify(target).replaceAll('<', '\\u003c');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeXml(title(setId))}</title>`,
    `<script>location.replace(${script});</script>`,
    '</head>',
    '<body>',
    `<p><a href="${escapeXml(target)}">${escapeXml(title(setId))}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The namespaces and metadata each version's manifest declares itself with. */
const HEAD: Record<ScormVersion, { namespaces: string[]; schemaVersion: string }> = {
  '1.2': {
    namespaces: [
      'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    ],
    schemaVersion: '1.2',
  },
  '2004': {
    namespaces: [
      'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
      'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
      'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
      'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
    ],
    schemaVersion: '2004 4th Edition',
  },
};

/**
 * imsmanifest.xml: one organization with an item per exercise set; each item's resource is a SCO
 * launched by the set's launch page, which depends on one asset resource holding the site's files
 * (`siteFiles`: paths within the site, as vite wrote them).
 */
export function manifest(
  version: ScormVersion,
  sets: readonly PackageSet[],
  siteFiles: readonly string[],
): string {
  const { namespaces, schemaVersion } = HEAD[version];
  // 1.2 spells the attribute scormtype, 2004 scormType.
  const scormType = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const suffix = version === '1.2' ? 'scorm12' : 'scorm2004';
  const attribute = (name: string, value: string) => `${name}="${escapeXml(value)}"`;
  const items = sets.map((set) =>
    [
      `      <item ${attribute('identifier', xmlId('item', set.id))} ${attribute('identifierref', xmlId('sco', set.id))}>`,
      `        <title>${escapeXml(title(set.id))}</title>`,
      '      </item>',
    ].join('\n'),
  );
  const scos = sets.map((set) =>
    [
      `    <resource ${attribute('identifier', xmlId('sco', set.id))} type="webcontent" ${scormType}="sco" ${attribute('href', href(launchPath(set.id)))}>`,
      `      <file ${attribute('href', href(launchPath(set.id)))}/>`,
      '      <dependency identifierref="site"/>',
      '    </resource>',
    ].join('\n'),
  );
  const files = siteFiles.map(
    (path) => `      <file ${attribute('href', href(`${SITE_DIR}/${path}`))}/>`,
  );
  // 2004: the learner may pick any set from the menu and also go from one to the next.
  const sequencing =
    version === '2004'
      ? [
          '      <imsss:sequencing>',
          '        <imsss:controlMode choice="true" flow="true"/>',
          '      </imsss:sequencing>',
        ]
      : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="handshake-lab-${suffix}" version="1" ${namespaces.join(' ')}>`,
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    `    <schemaversion>${schemaVersion}</schemaversion>`,
    '  </metadata>',
    '  <organizations default="handshake-lab">',
    '    <organization identifier="handshake-lab">',
    '      <title>Handshake Lab</title>',
    ...items,
    ...sequencing,
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    ...scos,
    `    <resource identifier="site" type="webcontent" ${scormType}="asset">`,
    ...files,
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/**
 * Everything in one version's package: the manifest at the root, the site under site/ and a
 * launch page per set beside the site's index.html.
 */
export function packageFiles(
  version: ScormVersion,
  siteFiles: Readonly<Record<string, Uint8Array>>,
  sets: readonly PackageSet[],
): Record<string, Uint8Array> {
  const encoder = new TextEncoder();
  const paths = Object.keys(siteFiles).sort();
  const files: Record<string, Uint8Array> = {
    'imsmanifest.xml': encoder.encode(manifest(version, sets, paths)),
  };
  for (const path of paths) files[`${SITE_DIR}/${path}`] = siteFiles[path]!;
  for (const set of sets) files[launchPath(set.id)] = encoder.encode(launchPage(version, set.id));
  return files;
}

/** The package as a zip, the form every LMS imports. */
export function zipPackage(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const entries: Zippable = {};
  for (const [path, data] of Object.entries(files)) entries[path] = [data, { mtime: ZIP_TIME }];
  return zipSync(entries);
}
