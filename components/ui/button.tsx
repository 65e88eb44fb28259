import type { ButtonHTMLAttributes, ReactNode, Ref } from "react";

export type ButtonVariant = "default" | "primary" | "danger" | "link";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  ref?: Ref<HTMLButtonElement>;
}

/** The class of a button (or a link that looks like one) in a variant. */
export function buttonClass(variant: ButtonVariant = "default", extra?: string): string {
  const base = variant === "default" ? "btn" : `btn btn-${variant}`;
  return extra ? `${base} ${extra}` : base;
}

/** A plain <button> in the house look; type="button" unless told otherwise. */
export function Button({ variant, className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, className)} {...rest} />;
}

export interface SubmitButtonProps extends Omit<ButtonProps, "type" | "children"> {
  busy: boolean;
  children: ReactNode;
  /** Shown while the form is being sent (the form's own words, e.g. "Saving…"). */
  busyLabel: ReactNode;
}

/** A form's submit button: primary, disabled and relabelled while the form is being sent. */
export function SubmitButton({ busy, busyLabel, children, variant = "primary", disabled, ...rest }: SubmitButtonProps) {
  return (
    <Button type="submit" variant={variant} disabled={busy || disabled} {...rest}>
      {busy ? busyLabel : children}
    </Button>
  );
}
