import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDigit, isValidBin, isValidIin } from './iin.ts';
import { maskEmail, maskIdNumber, maskPhone, normalizeEmail, normalizePhone } from './personal-data.ts';

test('IIN check digit, first pass: 9·1+5·2+0·3+4·4+1·5+2·6+4·7 = 80, 80 mod 11 = 3', () => {
  assert.equal(checkDigit('95041240000'), 3);
  assert.ok(isValidIin('950412400003'));
  for (let d = 0; d <= 9; d++) if (d !== 3) assert.ok(!isValidIin(`95041240000${d}`), `check digit ${d} is wrong`);
});

test('IIN check digit, second pass when the first gives 10: weights 3..11,1,2 → 122 mod 11 = 1', () => {
  // first pass: 9+6+0+16+5+12+28 = 76, 76 mod 11 = 10; second: 27+12+0+24+7+16+36 = 122
  assert.equal(checkDigit('93041240000'), 1);
  assert.ok(isValidIin('930412400001'));
});

test('digits for which both passes give 10 have no valid number', () => {
  let found = 0;
  for (let n = 0; n < 20000 && found < 3; n++) {
    const digits = String(n).padStart(11, '0');
    if (checkDigit(digits) === undefined) {
      found++;
      for (let d = 0; d <= 9; d++) assert.ok(!isValidIin(`${digits}${d}`) && !isValidBin(`${digits}${d}`));
    }
  }
  assert.equal(found, 3, 'such digit strings exist and are refused');
});

test('an IIN starts with a real month and day; a BIN with a month and an entity type 4, 5 or 6', () => {
  const withCheck = (first11: string) => `${first11}${checkDigit(first11)}`;
  assert.ok(!isValidIin(withCheck('95131240000')), 'month 13');
  assert.ok(!isValidIin(withCheck('95040040000')), 'day 00');
  assert.ok(isValidBin('010440010002'));
  assert.ok(!isValidBin(withCheck('01043001000')), 'entity type 3');
  assert.ok(!isValidIin('95041240000'), 'eleven digits');
  assert.ok(!isValidIin('9504124000O3'), 'a letter');
});

test('contacts are normalized so one person has one cabinet, and masked for roles that do not need them', () => {
  assert.equal(normalizePhone('+7 (701) 123-45-67'), '+77011234567');
  assert.equal(normalizePhone('87011234567'), '+77011234567');
  assert.equal(normalizePhone('7011234567'), '+77011234567');
  assert.equal(normalizePhone('+1 202 555 0100'), undefined);
  assert.equal(normalizeEmail('  Aigerim@Mail.KZ '), 'aigerim@mail.kz');
  assert.equal(normalizeEmail('not an address'), undefined);
  assert.equal(maskPhone('+77011234567'), '+7701*****67');
  assert.equal(maskEmail('aigerim@mail.kz'), 'a***@mail.kz');
  assert.equal(maskIdNumber('950412400003'), '********0003', 'the date of birth is hidden');
});
