/** "341524198205171377 张伟" per line → [{ idNumber, name }]; the API checks the ID numbers. */
export function parseParties(text: string): Array<{ idNumber: string; name: string }> {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [idNumber, ...name] = line.split(/[\s,，]+/);
      return { idNumber, name: name.join(' ') };
    });
}
