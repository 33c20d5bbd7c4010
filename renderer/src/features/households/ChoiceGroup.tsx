import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldError } from '../../components/FieldError';

interface ChoiceGroupProps {
  legend: string;
  type: 'radio' | 'checkbox';
  options: readonly { value: string; label: string }[];
  registration: UseFormRegisterReturn;
  error?: string;
  requiredLabel?: string;
  className?: string;
}

/** Radio buttons or checkboxes under one legend, so the group has its name and its message. */
export function ChoiceGroup({
  legend,
  type,
  options,
  registration,
  error,
  requiredLabel,
  className,
}: ChoiceGroupProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={`choice-group ${className ?? ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {requiredLabel && <span className="required"> ({requiredLabel})</span>}
      </legend>
      <div className="choices">
        {options.map((option) => (
          <label key={option.value}>
            <input type={type} value={option.value} {...registration} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
