import { useEffect, useRef, useState } from "react";

/**
 * React 19 resets a <form> after its `action` finishes, even when the action returned
 * field errors: uncontrolled inputs empty out, and controlled selects, radios and
 * checkboxes are left showing something other than their state (react#30580, #31695).
 * Our fields are controlled; this re-renders them after any reset of the enclosing form so
 * the DOM shows their state again and the user's typing survives a failed submit.
 * Attach the returned ref to an element inside the form.
 */
export function useKeepValuesOnFormReset<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The reset event fires before the fields are reset; sync after it is done.
    const onReset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), 0);
    };
    form.addEventListener("reset", onReset);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("reset", onReset);
    };
  }, []);
  return ref;
}
