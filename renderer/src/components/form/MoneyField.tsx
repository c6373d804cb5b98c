import { TextField, type TextFieldProps } from './TextField';
import { parseEuros } from './euros';

interface MoneyFieldProps extends Omit<TextFieldProps, 'onValueChange' | 'suffix' | 'inputMode'> {
  /** The text as typed, and its value in integer cents (null when empty or not a valid amount). */
  onValueChange: (text: string, cents: number | null) => void;
}

/** An amount in euros, typed with a comma or a point, handed to the form in integer cents. */
export function MoneyField({ onValueChange, ...field }: MoneyFieldProps) {
  return (
    <TextField
      {...field}
      inputMode="decimal"
      autoComplete="off"
      suffix="€"
      onValueChange={(text) => {
        const cents = parseEuros(text);
        onValueChange(text, typeof cents === 'number' ? cents : null);
      }}
    />
  );
}
