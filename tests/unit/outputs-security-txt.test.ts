import { describe, expect, it } from 'vitest';
import { EXPIRES_DAYS, securityTxt } from '../../src/outputs/security-txt.ts';
import { securityTxtProblems } from '../support/export-validators.ts';
import { modelOf } from '../support/output-model.ts';

const URL = 'https://security.openedx.org/.well-known/security.txt';

describe('security.txt', () => {
  const model = modelOf([]);
  const text = securityTxt(model);

  it('passes the RFC 9116 rules at the build clock', () => {
    expect(securityTxtProblems(text, URL, model.now)).toEqual([]);
  });

  it('gives every field the issue asks for, from site.yaml', () => {
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      'Contact: mailto:security@openedx.org',
      'Expires: 2027-05-24T12:00:00Z',
      'Preferred-Languages: en',
      `Canonical: ${URL}`,
      'Policy: https://security.openedx.org/policy/',
      'CSAF: https://security.openedx.org/.well-known/csaf/provider-metadata.json',
    ]);
  });

  it('expires a fixed time after the build clock, not the wall clock', () => {
    const later = securityTxt({ ...model, now: new Date('2030-01-01T00:00:00Z') });
    expect(later).toContain(`Expires: ${new Date(Date.UTC(2030, 0, 1 + EXPIRES_DAYS)).toISOString().replace('.000Z', 'Z')}`);
    expect(securityTxt(model)).toBe(text);
  });

  it('follows site.yaml when the site moves', () => {
    const moved = securityTxt({
      ...model,
      site: { ...model.site, url: 'https://psirt.example.org', contact_email: 'psirt@example.org', languages: ['en', 'fr'] },
    });
    expect(securityTxtProblems(moved, 'https://psirt.example.org/.well-known/security.txt', model.now)).toEqual([]);
    expect(moved).toContain('Contact: mailto:psirt@example.org');
    expect(moved).toContain('Preferred-Languages: en, fr');
  });

  it('has a checker that catches what RFC 9116 forbids', () => {
    const stale = text.replace(/Expires: .*/, 'Expires: 2026-01-01T00:00:00Z');
    expect(securityTxtProblems(stale, URL, model.now)).toEqual([expect.stringMatching(/^Expires: must be in the future/)]);
    const far = text.replace(/Expires: .*/, 'Expires: 2028-01-01T00:00:00Z');
    expect(securityTxtProblems(far, URL, model.now)).toEqual([expect.stringMatching(/less than a year/)]);
    expect(securityTxtProblems(text.replace(/Expires: .*/, 'Expires: 24 May 2027'), URL, model.now)[0]).toMatch(/RFC 3339/);
    expect(securityTxtProblems(text.replace(/Contact: .*\n/, ''), URL, model.now)).toEqual(['Contact: required, found none']);
    expect(securityTxtProblems(text, 'https://elsewhere.example/.well-known/security.txt', model.now)[0]).toMatch(
      /^Canonical: must include/,
    );
  });
});
