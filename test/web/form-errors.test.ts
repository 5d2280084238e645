import { describe, expect, it } from 'vitest';
import { formErrorsOf } from '../../web/src/ui/formErrors.js';

const apiError = (code: string, message: string, details?: unknown) => Object.assign(new Error(message), { code, details });

describe('formErrorsOf', () => {
  it('puts each validation detail on its field, nothing left for a banner', () => {
    const error = apiError('validation_failed', 'Dữ liệu gửi lên không hợp lệ.', [
      { in: 'body', path: 'code', message: 'tối đa 20 ký tự', issue: 'too_long', limit: 20 },
      { in: 'body', path: 'title.vi', message: 'không được để trống', issue: 'too_short', limit: 1 },
    ]);
    expect(formErrorsOf(error, ['code', 'title.vi', 'tier'])).toEqual({
      fields: { code: { message: 'tối đa 20 ký tự', issue: 'too_long' }, 'title.vi': { message: 'không được để trống', issue: 'too_short' } },
      general: null,
    });
  });

  it('places an app error naming its fields, and a nested path on its parent field', () => {
    const settings = apiError('assessment_invalid_settings', 'Thiết lập đợt đánh giá không hợp lệ.', { fields: ['closesOn', 'scope.agencyIds'] });
    expect(formErrorsOf(settings, ['closesOn', 'scope.agencyIds']).fields).toEqual({
      closesOn: { message: 'Thiết lập đợt đánh giá không hợp lệ.' },
      'scope.agencyIds': { message: 'Thiết lập đợt đánh giá không hợp lệ.' },
    });
    const nested = apiError('validation_failed', 'x', [{ in: 'body', path: 'scope.personIds.3', message: 'sai định dạng', issue: 'format' }]);
    expect(Object.keys(formErrorsOf(nested, ['scope.personIds']).fields)).toEqual(['scope.personIds']);
  });

  it('keeps what names no field of the form as the general message', () => {
    expect(formErrorsOf(apiError('forbidden', 'Bạn không có quyền.'), ['code'])).toEqual({ fields: {}, general: 'Bạn không có quyền.' });
    const elsewhere = apiError('validation_failed', 'Dữ liệu gửi lên không hợp lệ.', [
      { in: 'body', path: 'code', message: 'tối đa 20 ký tự', issue: 'too_long' },
      { in: 'body', path: 'other', message: 'bắt buộc', issue: 'required' },
    ]);
    expect(formErrorsOf(elsewhere, ['code']).general).toBe('Dữ liệu gửi lên không hợp lệ. other: bắt buộc');
    expect(formErrorsOf(null, ['code'])).toEqual({ fields: {}, general: null });
    expect(formErrorsOf(new Error('offline'), ['code']).general).toBe('offline');
  });
});
