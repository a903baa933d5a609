/** A multipart/form-data body as a browser sends it: form fields first, then one file. */
export function multipartForm(
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer | string },
  boundary = 'relais-test-boundary',
): { payload: Buffer; headers: { 'content-type': string } } {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(
      `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
