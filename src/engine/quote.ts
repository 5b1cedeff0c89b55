// How a message quotes text it was given: short and on one line, whatever was given (a link's
// `lesson=` or a scenario's field may be any length and hold line breaks). Apart from the validator
// so that the page's own first messages quote the same way without loading the validator.

/** A string as JSON, shortened to its first 40 characters, with nothing that could break the line. */
export function quote(value: string): string {
  return oneLine(JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value), 60);
}

/** `message` on one line, cut after `max` characters. */
export function oneLine(message: string, max: number): string {
  const flat = message.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
