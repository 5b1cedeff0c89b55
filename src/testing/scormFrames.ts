// A stand-in for an LMS's frames in the SCORM run-time's unit tests: a chain of windows, each with
// its `parent`, the top one holding the LMS's API object (as a real LMS's frameset does).

export type Frame = Record<string, unknown>;

/** A course frame `depth` levels below a top window holding `props`. */
export function frames(props: Frame, depth = 2): Window {
  const top: Frame = { ...props };
  top.parent = top;
  let win = top;
  for (let level = 0; level < depth; level += 1) win = { parent: win };
  return win as unknown as Window;
}
