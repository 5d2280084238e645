/** Lower case without diacritics (đ → d): "chuyen doi so" finds "Chuyển đổi số". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}
