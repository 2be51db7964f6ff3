import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globBase, hasGlobMagic, matchesGlob } from '../../../server/src/glob';

describe('glob matching', () => {
  it('keeps * inside one path segment', () => {
    assert.equal(matchesGlob('k8s/*.yaml', 'k8s/web.yaml'), true);
    assert.equal(matchesGlob('k8s/*.yaml', 'k8s/apps/web.yaml'), false);
    assert.equal(matchesGlob('*.yaml', 'web.yml'), false);
  });

  it('lets ** cross any number of folders, including none', () => {
    assert.equal(matchesGlob('k8s/**/*.yaml', 'k8s/web.yaml'), true);
    assert.equal(matchesGlob('k8s/**/*.yaml', 'k8s/a/b/c/web.yaml'), true);
    assert.equal(matchesGlob('**/*.yaml', 'web.yaml'), true);
    assert.equal(matchesGlob('**/deploy/*.yaml', 'x/y/deploy/a.yaml'), true);
    assert.equal(matchesGlob('**/deploy/*.yaml', 'x/deployment/a.yaml'), false);
    assert.equal(matchesGlob('k8s/**', 'k8s/a/b.yaml'), true);
  });

  it('supports ?, classes and alternatives, and treats regex characters literally', () => {
    assert.equal(matchesGlob('app?.yaml', 'app1.yaml'), true);
    assert.equal(matchesGlob('app?.yaml', 'app12.yaml'), false);
    assert.equal(matchesGlob('app[0-9].yaml', 'app7.yaml'), true);
    assert.equal(matchesGlob('app[!0-9].yaml', 'app7.yaml'), false);
    assert.equal(matchesGlob('**/*.{yaml,yml}', 'a/b.yml'), true);
    assert.equal(matchesGlob('**/*.{yaml,yml}', 'a/b.json'), false);
    assert.equal(matchesGlob('a+b(c).yaml', 'a+b(c).yaml'), true);
    assert.equal(matchesGlob('a.yaml', 'aXyaml'), false);
  });

  it('matches ./-prefixed, parent-relative and Windows-style paths', () => {
    assert.equal(matchesGlob('./k8s/*.yaml', 'k8s/a.yaml'), true);
    assert.equal(matchesGlob('../shared/**/*.yaml', '../shared/corpus/a.yaml'), true);
    assert.equal(matchesGlob('k8s\\*.yaml', 'k8s\\a.yaml'), true);
  });

  it('finds the literal folder a walk starts from', () => {
    assert.equal(globBase('k8s/apps/**/*.yaml'), 'k8s/apps');
    assert.equal(globBase('**/*.yaml'), '.');
    assert.equal(globBase('*.yaml'), '.');
    assert.equal(globBase('/abs/dir/*.yaml'), '/abs/dir');
    assert.equal(globBase('/*.yaml'), '/');
    assert.equal(globBase('../x/{a,b}/*.yaml'), '../x');
  });

  it('tells globs from literal paths', () => {
    assert.equal(hasGlobMagic('k8s/web.yaml'), false);
    assert.equal(hasGlobMagic('k8s/*.yaml'), true);
    assert.equal(hasGlobMagic('k8s/{a,b}.yaml'), true);
  });
});
