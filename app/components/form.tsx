// Form fields with their label, hint and error, wired for screen readers (aria-invalid,
// aria-describedby). Errors come from the server reply, so they show without JavaScript too.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

// Any field of any form: the components only read its name, id, errors and initial value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = FieldMetadata<any, any, string[]>;

/**
 * When a form checks its fields in the browser: a field on leaving it, then, once it shows an
 * error, as the user types. Clearing errors on blur instead moved the submit button under a mouse
 * already pressed on it, and the click was lost.
 */
export const checkWhileTyping = { shouldValidate: "onBlur", shouldRevalidate: "onInput" } as const;

function describedBy(field: AnyField, hint?: ReactNode) {
  return [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
}

export function FieldMessages({ field, hint }: { field: AnyField; hint?: ReactNode }) {
  return (
    <>
      {hint && (
        <p id={`${field.id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {field.errors?.length ? (
        <p id={field.errorId} className="text-sm text-red-700 font-medium" role="alert">
          {field.errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** The label, hint and error around one control. */
function FieldShell({ field, label, hint, children }: { field: AnyField; label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="mb-4">
      <label htmlFor={field.id} className="block font-medium">
        {label}
      </label>
      <FieldMessages field={field} hint={hint} />
      {children}
    </div>
  );
}

const inputClass =
  "mt-1 block w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  ...rest
}: {
  field: AnyField;
  label: string;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "number" | "date" | "search" | "tel" | "url";
  autoComplete?: string;
  list?: string;
  inputMode?: "numeric" | "text";
}) {
  const props = getInputProps(field as FieldMetadata<string>, { type, ariaAttributes: true });
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <input
        {...props}
        key={props.key}
        autoComplete={autoComplete}
        aria-describedby={describedBy(field, hint)}
        className={inputClass}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextAreaField({ field, label, hint, rows = 8 }: { field: AnyField; label: string; hint?: ReactNode; rows?: number }) {
  const props = getTextareaProps(field as FieldMetadata<string>, { ariaAttributes: true });
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy(field, hint)} className={inputClass} />
    </FieldShell>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
}: {
  field: AnyField;
  label: string;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field as FieldMetadata<string>, { ariaAttributes: true });
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <select {...props} key={props.key} aria-describedby={describedBy(field, hint)} className={inputClass}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Boxes to tick, several at once, under a legend; the ones the field holds are ticked. */
export function CheckboxGroup({
  field,
  legend,
  options,
  columns = false,
}: {
  field: AnyField;
  legend: string;
  options: { value: string; label: string }[];
  /** Two columns on a wide screen (a long list), rather than one line. */
  columns?: boolean;
}) {
  const chosen = [field.initialValue ?? []].flat() as string[];
  const boxes = options.map((option) => (
    <label key={option.value} className={columns ? "inline-flex items-center gap-2" : "mr-6 inline-flex items-center gap-2"}>
      <input type="checkbox" name={field.name} value={option.value} defaultChecked={chosen.includes(option.value)} />
      {option.label}
    </label>
  ));
  return (
    <fieldset className="mb-4">
      <legend className="font-medium">{legend}</legend>
      <FieldMessages field={field} />
      {columns ? <div className="grid sm:grid-cols-2">{boxes}</div> : boxes}
    </fieldset>
  );
}

export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      {errors.join(" ")}
    </div>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  secondary,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  secondary?: boolean;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={
        secondary
          ? "rounded border border-marine px-4 py-2 text-marine hover:bg-marine-light"
          : "rounded bg-marine px-4 py-2 text-white hover:bg-blue-900"
      }
    >
      {children}
    </button>
  );
}
