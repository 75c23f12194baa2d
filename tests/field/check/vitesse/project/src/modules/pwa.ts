import type { UserModule } from '~/types'






  router.isReady()
    .then(async () => {
      const { registerSW } = await import('virtual:pwa-register')

    })
    .catch(() => {})

