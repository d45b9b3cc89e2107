import { asNumber, getDecimalSeparator, type FieldProps } from "@rjsf/utils";
import { useCallback, useState } from "react";

/**
 * rjsf's NumberField (typed text in, a number out when it is one), asking for the locale's decimal
 * separator only when someone types, not on every render: rjsf asks on every render, and each
 * ask builds an Intl.NumberFormat (the first loads the locale's data; ~2–3 % of the React page's sampled
 * first-render profile on FIA, for its one number box). The conversion is rjsf 6.11's, step by step; our
 * number widget draws the value as it comes (it is not rjsf's text widget, so no locale formatting).
 */
let separator: string | undefined;
const separatorNow = () => (separator ??= getDecimalSeparator());

const trailingCharMatcherWithPrefix = /\.([0-9]*0)*$/;
const trailingCharMatcher = /[0.]0*$/;

export function NumberField(props: FieldProps) {
  const { registry, onChange, formData } = props;
  const [lastValue, setLastValue] = useState<unknown>(props.value);
  const StringField = registry.fields.StringField!;
  const handleChange = useCallback<FieldProps["onChange"]>(
    (newValue, path, errorSchema, id) => {
      setLastValue(newValue);
      const standardValue = typeof newValue === "string" ? newValue.replace(separatorNow(), ".") : newValue;
      const normalizedValue = `${standardValue}`.startsWith(".") ? `0${standardValue}` : standardValue;
      const processed = typeof normalizedValue === "string" && trailingCharMatcherWithPrefix.exec(normalizedValue) ? asNumber(normalizedValue.replace(trailingCharMatcher, "")) : asNumber(normalizedValue);
      onChange(processed, path, errorSchema, id);
    },
    [onChange],
  );
  let value: unknown = formData;
  // What was typed stays in the box while it means the same number ("3." or "3.0" while typing 3.05).
  if (typeof lastValue === "string" && typeof value === "number") {
    const canonical = lastValue.replace(separatorNow(), ".");
    const escaped = String(value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`^(${escaped})?\\.?0*$`).test(canonical)) value = lastValue;
  }
  return <StringField {...props} formData={value} onChange={handleChange} />;
}
