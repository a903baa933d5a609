import { useEffect, useRef } from 'react';
import { Box, Button, Group, Text } from '@mantine/core';

/**
 * A signature drawn with a finger, stylus or mouse (pointer events), exported as a PNG data URL.
 * `onChange(null)` when cleared. The canvas is sized to its box at the device pixel ratio.
 */
export function SignaturePad({
  onChange,
  label = 'Signature du ménage',
}: {
  onChange: (png: string | null) => void;
  label?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    c.width = c.clientWidth * ratio;
    c.height = c.clientHeight * ratio;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1a1b1e';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const start = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const end = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(e.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.restore();
    onChange(null);
  };

  return (
    <Box>
      <Text component="p" fw={500} size="sm" mb={4} id="signature-label">
        {label}
      </Text>
      <Text size="sm" c="dimmed" mb={6}>
        Le ménage signe avec le doigt ou un stylet dans le cadre ci-dessous.
      </Text>
      <canvas
        ref={canvas}
        role="img"
        aria-labelledby="signature-label"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={{
          width: '100%',
          height: 220,
          touchAction: 'none',
          border: '2px dashed var(--mantine-color-gray-5)',
          borderRadius: 8,
          background: '#fff',
          display: 'block',
        }}
      />
      <Group justify="flex-end" mt="xs">
        <Button variant="default" size="md" onClick={clear}>
          Effacer
        </Button>
      </Group>
    </Box>
  );
}
