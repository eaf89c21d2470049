import { CreateSoloBody, DeliveryBody, ErrorCode, SaveAnswerBody, SelfCheckBody } from '@quorum/shared';
import express, { Router, type Request } from 'express';
import { deviceIdOf } from '../../http/auth.js';
import { parseOr400 } from '../../http/respond.js';
import { ClientError } from '../../rooms/errors.js';
import type { SoloService } from './service.js';

const indexOf = (req: Request) => {
  const index = Number((req.params as { index?: string }).index);
  if (!Number.isInteger(index) || index < 1 || index > 100) throw new ClientError(ErrorCode.NotFound, 'No such question in this session.');
  return index - 1;
};
const idOf = (req: Request) => {
  const id = (req.params as { id?: string }).id ?? '';
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) throw new ClientError(ErrorCode.NotFound, 'This practice session does not exist.');
  return id;
};

/**
 * Solo sessions belong to the device that made them (the X-Quorum-Device header, like history).
 * Questions are numbered from 1 in paths, as people count them.
 */
export function soloRouter(deps: { solo: SoloService }): Router {
  const { solo } = deps;
  const router = Router();

  router.get('/history', async (req, res) => {
    res.json({ sessions: await solo.history(deviceIdOf(req)) });
  });
  router.get('/weakest', async (req, res) => {
    res.json({ topics: await solo.weakest(deviceIdOf(req)) });
  });
  router.post('/', async (req, res) => {
    const deviceId = deviceIdOf(req);
    const body = parseOr400(res, CreateSoloBody, req.body ?? {});
    if (!body) return;
    res.status(201).json(await solo.create(deviceId, body));
  });
  router.get('/:id', async (req, res) => {
    res.json(await solo.get(deviceIdOf(req), idOf(req)));
  });
  router.post('/:id/items/:index/start', async (req, res) => {
    res.json(await solo.start(deviceIdOf(req), idOf(req), indexOf(req)));
  });
  router.put('/:id/items/:index/answer', async (req, res) => {
    const deviceId = deviceIdOf(req);
    const body = parseOr400(res, SaveAnswerBody, req.body);
    if (!body) return;
    res.json(await solo.save(deviceId, idOf(req), indexOf(req), body.answer, body.answerMode));
  });
  router.post('/:id/items/:index/submit', async (req, res) => {
    res.json(await solo.submit(deviceIdOf(req), idOf(req), indexOf(req)));
  });
  router.post('/:id/items/:index/self-check', async (req, res) => {
    const deviceId = deviceIdOf(req);
    const body = parseOr400(res, SelfCheckBody, req.body);
    if (!body) return;
    res.json(await solo.selfCheck(deviceId, idOf(req), indexOf(req), body.covered));
  });
  // A spoken answer's recording, only when the person asks for a transcript: raw audio, up to 25 MB.
  router.post('/:id/items/:index/audio', express.raw({ type: ['audio/*', 'video/*'], limit: '25mb' }), async (req, res) => {
    const deviceId = deviceIdOf(req);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw new ClientError(ErrorCode.BadRequest, 'Send the recording as the request body, with its audio/* or video/* content type.');
    }
    res.json(await solo.transcribe(deviceId, idOf(req), indexOf(req), req.body, req.get('content-type') ?? 'audio/webm'));
  });
  router.put('/:id/items/:index/delivery', async (req, res) => {
    const deviceId = deviceIdOf(req);
    const body = parseOr400(res, DeliveryBody, req.body);
    if (!body) return;
    res.json(await solo.delivery(deviceId, idOf(req), indexOf(req), body.delivery));
  });
  return router;
}
