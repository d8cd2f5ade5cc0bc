import type { ButtonHTMLAttributes } from 'react'

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }

const variants = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 border-brand-700',
  secondary: 'bg-white text-brand-800 hover:bg-brand-50 border-brand-700',
  danger: 'bg-red-700 text-white hover:bg-red-800 border-red-700',
}

export function Button({ variant = 'primary', className, type = 'submit', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center rounded border-2 px-4 py-2 font-semibold ${variants[variant]} ${className ?? ''}`}
      {...props}
    />
  )
}
